package dev.tollgate.review.routes;

import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import dev.tollgate.review.envoy.Listeners;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One Gateway's generated Envoy configuration, read as Envoy reads it: typed, by name, with each resource's sources. */
public final class GatewayConfig {

  private final GatewayXds xds;

  public GatewayConfig(GatewayXds xds) {
    this.xds = xds;
  }

  public String gateway() {
    return xds.gateway();
  }

  public GatewayXds xds() {
    return xds;
  }

  public List<Listener> listeners() {
    return xds.resources(XdsType.LISTENER).stream().map(Listener.class::cast).toList();
  }

  /** The route configuration a connection manager routes with: its RDS name's, or its own. */
  public Optional<RouteConfiguration> routeConfiguration(HttpConnectionManager hcm) {
    if (hcm.hasRouteConfig()) {
      return Optional.of(hcm.getRouteConfig());
    }
    return xds.resource(XdsType.ROUTE, hcm.getRds().getRouteConfigName()).map(RouteConfiguration.class::cast);
  }

  public Optional<Cluster> cluster(String name) {
    return xds.resource(XdsType.CLUSTER, name).map(Cluster.class::cast);
  }

  /** A cluster's endpoints: its EDS resource, or the assignment it carries. */
  public Optional<ClusterLoadAssignment> endpoints(Cluster cluster) {
    if (cluster.hasLoadAssignment()) {
      return Optional.of(cluster.getLoadAssignment());
    }
    String service = cluster.getEdsClusterConfig().getServiceName();
    return xds.resource(XdsType.ENDPOINT, service.isEmpty() ? cluster.getName() : service)
        .map(ClusterLoadAssignment.class::cast);
  }

  public Set<ObjectKey> sources(XdsType type, String name) {
    return xds.sources(type, name);
  }

  /** Every route of every HTTP filter chain, in listener, chain, virtual host and route order; each once. */
  public List<RouteContext> routes() {
    Map<String, RouteContext> out = new LinkedHashMap<>();
    for (Listener l : listeners()) {
      List<FilterChain> chains = new ArrayList<>(l.getFilterChainsList());
      if (l.hasDefaultFilterChain()) {
        chains.add(l.getDefaultFilterChain());
      }
      for (FilterChain chain : chains) {
        Optional<HttpConnectionManager> hcm = Listeners.connectionManager(chain);
        if (hcm.isEmpty()) {
          continue;
        }
        Optional<RouteConfiguration> rc = routeConfiguration(hcm.get());
        if (rc.isEmpty()) {
          continue;
        }
        for (VirtualHost vh : rc.get().getVirtualHostsList()) {
          int index = 0;
          for (Route r : vh.getRoutesList()) {
            RouteContext ctx = new RouteContext(l, chain, hcm.get(), rc.get(), vh, r, index++);
            out.putIfAbsent(ctx.key(), ctx);
          }
        }
      }
    }
    return List.copyOf(out.values());
  }
}

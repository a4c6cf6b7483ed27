package dev.tollgate.translator.xds;

import dev.tollgate.translator.ir.BackendIr;
import dev.tollgate.translator.ir.DestinationIr;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.MirrorIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.ir.TlsIr;
import dev.tollgate.translator.ir.XdsIr;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.naming.XdsNames;
import dev.tollgate.translator.xds.filter.HttpFilterContributor;
import dev.tollgate.translator.xds.filter.HttpFilters;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The xDS stage: turns each Gateway's IR into Envoy listeners, routes, clusters, endpoints and secrets. */
public final class XdsStage {

  private final List<HttpFilterContributor> filters;
  private final ListenerBuilder listeners;

  public XdsStage() {
    this(HttpFilters.all());
  }

  public XdsStage(List<HttpFilterContributor> filters) {
    this.filters = filters;
    RouteBuilder routes = new RouteBuilder(filters);
    this.listeners = new ListenerBuilder(new ConnectionManagerBuilder(filters), new RouteConfigBuilder(routes));
  }

  /** One entry per Gateway, keyed {@code namespace/name}, in name order. */
  public Map<String, GatewayXds> translate(XdsIr ir) {
    Map<String, GatewayXds> out = new LinkedHashMap<>();
    for (GatewayIr gateway : ir.gateways()) {
      out.put(gateway.name(), translate(gateway));
    }
    return out;
  }

  public GatewayXds translate(GatewayIr gateway) {
    return translate(gateway, null);
  }

  /**
   * The Gateway's resources; those equal to one of {@code previous} (the Gateway's configuration
   * generated before, or null) are that one's instances, with its encodings.
   */
  public GatewayXds translate(GatewayIr gateway, GatewayXds previous) {
    GatewayXds.Builder out = GatewayXds.builder(gateway.name());
    if (previous != null) {
      out.reusing(previous);
    }
    for (List<HttpListenerIr> sharingPort : byPort(gateway.httpListeners())) {
      ListenerBuilder.Built built = listeners.build(gateway, sharingPort);
      out.put(XdsType.LISTENER, built.listener(), gateway.source());
      for (RouteConfiguration rc : built.routeConfigs()) {
        out.put(XdsType.ROUTE, rc, gateway.source());
      }
      for (HttpListenerIr l : sharingPort) {
        String routeConfig = l.isTls() ? l.name() : sharingPort.get(0).name();
        for (RouteIr r : l.routes()) {
          out.addSources(XdsType.ROUTE, routeConfig, List.of(r.source()));
          if (r.security() != null) {
            out.addSources(XdsType.ROUTE, routeConfig, List.of(r.security().policy()));
            out.addSources(XdsType.LISTENER, built.listener().getName(), List.of(r.security().policy()));
          }
          if (r.directResponse() != null && r.directResponse().cause() != null) {
            out.addSources(XdsType.ROUTE, routeConfig, List.of(r.directResponse().cause()));
          }
          addDestination(out, r.destination());
          r.mirrors().stream().map(MirrorIr::destination).forEach(d -> addDestination(out, d));
        }
        if (l.tls() != null) {
          for (TlsIr.CertificateIr cert : l.tls().certificates()) {
            out.put(XdsType.SECRET, SecretBuilder.secret(cert), cert.source());
          }
        }
      }
    }
    for (HttpFilterContributor f : filters) {
      f.addResources(gateway, out);
    }
    return out.build();
  }

  /**
   * Adds a destination's cluster (and its load assignment, for EDS); when it is there already,
   * only records that this destination's source uses it too.
   */
  public static void addDestination(GatewayXds.Builder out, DestinationIr d) {
    if (d == null) {
      return;
    }
    // the backend objects are sources too: a cluster comes from the route and from what it names
    List<ObjectKey> named = d.backends().stream().map(BackendIr::object).filter(java.util.Objects::nonNull).toList();
    ObjectKey[] sources = java.util.stream.Stream.concat(java.util.stream.Stream.of(d.source()), named.stream()).toArray(ObjectKey[]::new);
    if (out.contains(XdsType.CLUSTER, d.name())) {
      out.addSources(XdsType.CLUSTER, d.name(), List.of(sources));
      return;
    }
    out.put(XdsType.CLUSTER, ClusterBuilder.cluster(d), sources);
    if (ClusterBuilder.usesEds(d)) {
      out.put(XdsType.ENDPOINT, ClusterBuilder.loadAssignment(d), sources);
    }
  }

  /** Groups listeners by the port Envoy binds, keeping the Gateway's order. */
  private static List<List<HttpListenerIr>> byPort(List<HttpListenerIr> listeners) {
    Map<Integer, List<HttpListenerIr>> groups = new LinkedHashMap<>();
    for (HttpListenerIr l : listeners) {
      groups.computeIfAbsent(XdsNames.containerPort(l.port()), p -> new ArrayList<>()).add(l);
    }
    return new ArrayList<>(groups.values());
  }
}

package dev.tollgate.review.routes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A cluster and where it sends requests, as {@code explain} shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Endpoints(String cluster, String type, String lbPolicy, List<Endpoint> endpoints, String note) {

  /** One endpoint: {@code 10.0.0.1:8080} or {@code pipe:/path/to.sock}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Endpoint(String address, int weight, String health, String locality) {}

  public static Endpoints of(GatewayConfig config, String clusterName) {
    Cluster c = config.cluster(clusterName).orElse(null);
    if (c == null) {
      return new Endpoints(clusterName, null, null, List.of(), "no such cluster: Envoy answers 503");
    }
    String type = c.hasClusterType() ? c.getClusterType().getName() : c.getType().name();
    List<Endpoint> out = new ArrayList<>();
    ClusterLoadAssignment cla = config.endpoints(c).orElse(null);
    if (cla != null) {
      for (LocalityLbEndpoints l : cla.getEndpointsList()) {
        String locality = l.getLocality().getRegion().isEmpty() ? null : l.getLocality().getRegion();
        for (LbEndpoint e : l.getLbEndpointsList()) {
          out.add(new Endpoint(address(e.getEndpoint().getAddress()),
              e.hasLoadBalancingWeight() ? e.getLoadBalancingWeight().getValue() : 1,
              e.getHealthStatus().name().toLowerCase(Locale.ROOT), locality));
        }
      }
    }
    String note = out.isEmpty() ? (type.equals("ORIGINAL_DST") ? "to the address the request names" : "no endpoints: Envoy answers 503") : null;
    return new Endpoints(clusterName, type, c.getLbPolicy().name(), out, note);
  }

  public static String address(Address a) {
    if (a.hasPipe()) {
      return "pipe:" + a.getPipe().getPath();
    }
    if (a.hasSocketAddress()) {
      String host = a.getSocketAddress().getAddress();
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getSocketAddress().getPortValue();
    }
    if (a.hasEnvoyInternalAddress()) {
      return "internal:" + a.getEnvoyInternalAddress().getServerListenerName();
    }
    return "(no address)";
  }

  /** {@code 10.0.0.1:3000, pipe:/x.sock}; {@code no endpoints} when empty. */
  public String addresses() {
    return endpoints.isEmpty() ? (note == null ? "no endpoints" : note)
        : String.join(", ", endpoints.stream().map(Endpoint::address).toList());
  }
}

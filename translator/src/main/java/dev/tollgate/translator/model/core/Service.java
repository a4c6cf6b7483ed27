package dev.tollgate.translator.model.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.model.IntOrString;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * Core v1 Service: the ports a route's backendRef selects, and for a Gateway's own proxy Service
 * the addresses its status reports.
 *
 * @param status as written by the cluster (load balancers' ingress points); kept as a tree since no
 *     schema checks it, and read leniently by {@link #loadBalancerIngress()}
 */
public record Service(String apiVersion, String kind, ObjectMeta metadata, Spec spec, JsonNode status)
    implements KubernetesObject {

  public record Spec(String type, String clusterIP, List<String> clusterIPs, List<String> externalIPs, String externalName,
      List<Port> ports) {
    public Spec {
      ports = ports == null ? List.of() : ports;
      clusterIPs = clusterIPs == null ? List.of() : clusterIPs;
      externalIPs = externalIPs == null ? List.of() : externalIPs;
    }
  }

  public record Port(
      String name, Integer port, IntOrString targetPort, String protocol, String appProtocol) {}

  /** One point a load balancer receives the Service's traffic at: an IP or a host name (the other null). */
  public record Ingress(String ip, String hostname) {}

  /** {@code status.loadBalancer.ingress}, in order; entries with neither a textual ip nor hostname are skipped. */
  public List<Ingress> loadBalancerIngress() {
    List<Ingress> out = new ArrayList<>();
    JsonNode ingress = status == null ? null : status.path("loadBalancer").path("ingress");
    if (ingress == null || !ingress.isArray()) {
      return out;
    }
    for (JsonNode i : ingress) {
      String ip = i.path("ip").isTextual() && !i.path("ip").asText().isEmpty() ? i.path("ip").asText() : null;
      String hostname = i.path("hostname").isTextual() && !i.path("hostname").asText().isEmpty() ? i.path("hostname").asText() : null;
      if (ip != null || hostname != null) {
        out.add(new Ingress(ip, hostname));
      }
    }
    return out;
  }
}

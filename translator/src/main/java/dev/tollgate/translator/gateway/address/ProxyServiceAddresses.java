package dev.tollgate.translator.gateway.address;

import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.core.Service;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.naming.ProxyLabels;
import dev.tollgate.translator.status.GatewayStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Gateway's {@code status.addresses} from the Service that exposes its proxies, by Envoy Gateway's
 * rules: the Service is the one labelled {@code app.kubernetes.io/managed-by=tollgate} with
 * owning-gateway labels naming the Gateway (in any namespace; the first by namespace and name
 * should there be several). Without such a Service in the input, the Gateway's addresses are as
 * its spec asks.
 * <ul>
 *   <li>a Gateway whose spec asks for addresses: the Service's external IPs, else its cluster IPs;
 *   <li>a LoadBalancer Service: the ingress points its load balancer reported, IPs
 *       ({@code IPAddress}) before host names ({@code Hostname}); none until it reports one;
 *   <li>a ClusterIP Service: its cluster IPs;
 *   <li>a NodePort Service: its cluster IPs. Envoy Gateway reports the nodes' addresses, but
 *       Tollgate does not read Nodes.
 * </ul>
 * At most 16, as the Gateway's schema allows.
 */
public final class ProxyServiceAddresses {

  static final int MAX_ADDRESSES = 16;

  private final Map<ObjectKey, Service> byGateway = new HashMap<>();

  public ProxyServiceAddresses(ResourceSet resources) {
    for (Service s : resources.all("Service", Service.class)) { // sorted: the first of several wins
      Map<String, String> labels = s.metadata().labels();
      String ns = labels.get(ProxyLabels.OWNING_GATEWAY_NAMESPACE);
      String name = labels.get(ProxyLabels.OWNING_GATEWAY_NAME);
      if (ProxyLabels.MANAGED_BY_TOLLGATE.equals(labels.get(ProxyLabels.MANAGED_BY)) && ns != null && name != null) {
        byGateway.putIfAbsent(new ObjectKey("Gateway", ns, name), s);
      }
    }
  }

  /** The Gateway's addresses from its proxy Service; empty when there is no such Service. */
  public Optional<List<GatewayStatus.Address>> of(Gateway gateway) {
    Service service = byGateway.get(gateway.key());
    if (service == null) {
      return Optional.empty();
    }
    Service.Spec spec = service.spec() == null ? new Service.Spec(null, null, null, null, null, null) : service.spec();
    List<GatewayStatus.Address> out = new ArrayList<>();
    if (gateway.spec() != null && !gateway.spec().addresses().isEmpty()) {
      (spec.externalIPs().isEmpty() ? clusterIps(spec) : spec.externalIPs()).forEach(ip -> out.add(ip(ip)));
    } else if ("LoadBalancer".equals(spec.type())) {
      List<Service.Ingress> ingress = service.loadBalancerIngress();
      ingress.stream().filter(i -> i.ip() != null).forEach(i -> out.add(ip(i.ip())));
      ingress.stream().filter(i -> i.ip() == null).forEach(i -> out.add(new GatewayStatus.Address("Hostname", i.hostname())));
    } else if (!"ExternalName".equals(spec.type())) {
      clusterIps(spec).forEach(ip -> out.add(ip(ip)));
    }
    return Optional.of(List.copyOf(out.subList(0, Math.min(out.size(), MAX_ADDRESSES))));
  }

  private static List<String> clusterIps(Service.Spec spec) {
    List<String> ips = spec.clusterIPs().isEmpty() && spec.clusterIP() != null ? List.of(spec.clusterIP()) : spec.clusterIPs();
    return ips.stream().filter(ip -> !ip.isEmpty() && !ip.equals("None")).toList();
  }

  private static GatewayStatus.Address ip(String value) {
    return new GatewayStatus.Address("IPAddress", value);
  }
}

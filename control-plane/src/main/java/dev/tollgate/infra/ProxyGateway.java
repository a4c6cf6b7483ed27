package dev.tollgate.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.naming.XdsNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One Gateway as its proxy objects are rendered: names, labels, the listener ports and the
 * EnvoyProxy parameters, shared by the renderers of each kind.
 */
record ProxyGateway(Gateway gateway, String gatewayClassUid, ProxyParameters parameters, InfrastructureSettings settings) {

  private static final Set<String> PROTOCOLS = Set.of("HTTP", "HTTPS", "TLS", "TCP", "UDP", "GRPC");

  /** A port the Service exposes and Envoy binds (shifted above 1024, as the translation binds it). */
  record Port(String name, String protocol, int port, int containerPort) {}

  String namespace() {
    return settings.namespace();
  }

  String gatewayKey() {
    return XdsNames.gateway(gateway.metadata().namespace(), gateway.metadata().name());
  }

  /** The objects' default name; an EnvoyProxy may name some kinds otherwise. */
  String name() {
    return ProxyNames.forGateway(gateway.metadata().namespace(), gateway.metadata().name());
  }

  /** The name an EnvoyProxy gives the object of {@code field} ({@code envoyService.name}), else the default. */
  String nameOf(String field) {
    String given = parameters.at(field).path("name").asText("");
    return given.isEmpty() ? name() : given;
  }

  /** The labels that select this Gateway's pods: never changed by an EnvoyProxy, so the selector stays. */
  Map<String, String> selector() {
    return InfrastructureLabels.forGateway(gateway.metadata().namespace(), gateway.metadata().name());
  }

  /** Metadata for an object: the selector labels, the Gateway's {@code spec.infrastructure} labels and annotations. */
  ObjectNode metadata(String objectName) {
    ObjectNode m = Mappers.json().createObjectNode();
    m.put("name", objectName);
    m.put("namespace", namespace());
    Map<String, String> labels = new TreeMap<>(infrastructure(true));
    labels.putAll(selector());
    m.set("labels", Mappers.json().valueToTree(labels));
    Map<String, String> annotations = new TreeMap<>(infrastructure(false));
    if (!annotations.isEmpty()) {
      m.set("annotations", Mappers.json().valueToTree(annotations));
    }
    owner().ifPresent(o -> m.putArray("ownerReferences").add(o));
    return m;
  }

  /**
   * The object's owner, so Kubernetes' garbage collector removes it with the Gateway: the Gateway
   * when the proxies run in its namespace, else its GatewayClass (a namespaced owner in another
   * namespace is invalid, and the collector would delete the object at once). Only with a uid,
   * which objects read from a cluster have and files usually do not.
   */
  private java.util.Optional<ObjectNode> owner() {
    String uid = gateway.metadata().uid();
    ObjectNode o = Mappers.json().createObjectNode();
    if (gateway.metadata().namespace().equals(namespace()) && uid != null && !uid.isEmpty()) {
      o.put("apiVersion", "gateway.networking.k8s.io/v1").put("kind", "Gateway").put("name", gateway.metadata().name()).put("uid", uid);
    } else if (gatewayClassUid != null && !gatewayClassUid.isEmpty()) {
      o.put("apiVersion", "gateway.networking.k8s.io/v1").put("kind", "GatewayClass")
          .put("name", gateway.spec().gatewayClassName()).put("uid", gatewayClassUid);
    } else {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(o);
  }

  /** Gateway API's {@code spec.infrastructure.labels} or {@code annotations}: put on every object made for it. */
  Map<String, String> infrastructure(boolean labels) {
    Gateway.Infrastructure infra = gateway.spec().infrastructure();
    Map<String, String> found = infra == null ? null : labels ? infra.labels() : infra.annotations();
    return found == null ? Map.of() : found;
  }

  /** The listeners' ports, one per port and transport, in port order. */
  List<Port> ports() {
    Map<String, Port> byKey = new TreeMap<>();
    for (Gateway.Listener l : gateway.spec().listeners()) {
      if (l.port() == null || l.protocol() == null || !PROTOCOLS.contains(l.protocol())) {
        continue;
      }
      String transport = "UDP".equals(l.protocol()) ? "UDP" : "TCP";
      String key = String.format("%05d/%s", l.port(), transport);
      byKey.putIfAbsent(key, new Port(l.protocol().toLowerCase(java.util.Locale.ROOT) + "-" + l.port(), transport,
          l.port(), XdsNames.containerPort(l.port())));
    }
    return new ArrayList<>(byKey.values());
  }

  /** A string map from the EnvoyProxy (pod labels, annotations) over {@code base}, sorted. */
  static Map<String, String> merged(Map<String, String> base, JsonNode extra) {
    Map<String, String> out = new TreeMap<>(base);
    extra.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}

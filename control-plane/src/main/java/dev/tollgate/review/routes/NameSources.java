package dev.tollgate.review.routes;

import dev.tollgate.translator.model.ObjectKey;
import java.util.Map;
import java.util.Optional;

/**
 * The input object an Envoy Gateway xDS name comes from: {@code httproute/default/app/rule/0/...}
 * is HTTPRoute default/app, {@code envoy.filters.http.ext_authz/securitypolicy/default/p} is
 * SecurityPolicy default/p. The names are the configuration's own account of where each part
 * came from, finer than a resource's sources (a route configuration comes from every route on it).
 */
public final class NameSources {

  private NameSources() {}

  private static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("httproute", "HTTPRoute"), Map.entry("grpcroute", "GRPCRoute"), Map.entry("tlsroute", "TLSRoute"),
      Map.entry("tcproute", "TCPRoute"), Map.entry("udproute", "UDPRoute"), Map.entry("securitypolicy", "SecurityPolicy"),
      Map.entry("envoyextensionpolicy", "EnvoyExtensionPolicy"), Map.entry("backendtrafficpolicy", "BackendTrafficPolicy"),
      Map.entry("clienttrafficpolicy", "ClientTrafficPolicy"), Map.entry("envoypatchpolicy", "EnvoyPatchPolicy"));

  public static Optional<ObjectKey> of(String xdsName) {
    String[] parts = xdsName.split("/");
    for (int i = 0; i + 2 < parts.length; i++) {
      String kind = KINDS.get(parts[i]);
      if (kind != null && !parts[i + 1].isEmpty() && !parts[i + 2].isEmpty()) {
        return Optional.of(new ObjectKey(kind, parts[i + 1], parts[i + 2]));
      }
    }
    return Optional.empty();
  }
}

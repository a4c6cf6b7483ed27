package dev.tollgate.review.routes;

import dev.tollgate.translator.model.ObjectKey;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

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
    int i = start(parts);
    return i < 0 ? Optional.empty() : Optional.of(new ObjectKey(KINDS.get(parts[i]), parts[i + 1], parts[i + 2]));
  }

  /** The rule of its route a name comes from: 0 for {@code httproute/default/app/rule/0/match/1/...}. */
  public static OptionalInt rule(String xdsName) {
    String[] parts = xdsName.split("/");
    int i = start(parts);
    if (i < 0 || i + 4 >= parts.length || !parts[i + 3].equals("rule") || !parts[i + 4].matches("[0-9]{1,9}")) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(parts[i + 4]));
  }

  /** Where the first {@code kind/namespace/name} of a name starts, or -1. */
  private static int start(String[] parts) {
    for (int i = 0; i + 2 < parts.length; i++) {
      if (KINDS.containsKey(parts[i]) && !parts[i + 1].isEmpty() && !parts[i + 2].isEmpty()) {
        return i;
      }
    }
    return -1;
  }
}

package dev.tollgate.serve;

/** HTTPRoutes the daemon's tests write into watched directories: to Gateway default/eg, backend Service port 3000. */
final class TestRoutes {

  private TestRoutes() {}

  /** An HTTPRoute named {@code name} for {@code hostname} (none when null), to {@code service}:3000. */
  static String route(String name, String hostname, String service) {
    return """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: %s, namespace: default}
        spec:
          parentRefs: [{name: eg}]
        %s  rules:
            - backendRefs: [{name: %s, port: 3000}]
        """.formatted(name, hostname == null ? "" : "  hostnames: [" + hostname + "]\n", service);
  }

  static String route(String name, String hostname) {
    return route(name, hostname, "backend");
  }
}

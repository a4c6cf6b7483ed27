package dev.tollgate.benchmarks;

/**
 * Generates the benchmark's input: Gateways with one HTTP listener each, HTTPRoutes spread over
 * them round-robin, each with two matches and two weighted backends, and Services with their
 * EndpointSlices (three endpoints each). The secured variant adds, for every Gateway, a
 * SecurityPolicy with JWT authentication (remote JWKS) and external authorization by OPA over a
 * unix domain socket, as Envoy Gateway's OPA sidecar walkthrough sets them up.
 */
public final class SyntheticManifests {

  private SyntheticManifests() {}

  public static String generate(int routes, int gateways, int services) {
    return generate(routes, gateways, services, false);
  }

  public static String generate(int routes, int gateways, int services, boolean secured) {
    StringBuilder y = new StringBuilder(routes * 900);
    y.append("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: bench}
        spec: {controllerName: tollgate.dev/gatewayclass-controller}
        """);
    for (int g = 0; g < gateways; g++) {
      y.append("---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n")
          .append("metadata: {name: gw-").append(g).append(", namespace: bench}\n")
          .append("spec:\n  gatewayClassName: bench\n  listeners:\n    - {name: http, protocol: HTTP, port: 80}\n");
    }
    for (int s = 0; s < services; s++) {
      y.append("---\napiVersion: v1\nkind: Service\nmetadata: {name: svc-").append(s).append(", namespace: bench}\n")
          .append("spec:\n  ports: [{name: http, port: 80}]\n")
          .append("---\napiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\n")
          .append("metadata:\n  name: svc-").append(s).append("-1\n  namespace: bench\n")
          .append("  labels: {kubernetes.io/service-name: svc-").append(s).append("}\n")
          .append("addressType: IPv4\nports: [{name: http, port: 8080}]\nendpoints:\n");
      for (int e = 1; e <= 3; e++) {
        y.append("  - addresses: [10.").append(s / 250).append('.').append(s % 250).append('.').append(e).append("]\n");
      }
    }
    for (int r = 0; r < routes; r++) {
      int a = r % services;
      int b = (r + 1) % services;
      y.append("---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n")
          .append("metadata: {name: route-").append(r).append(", namespace: bench}\n")
          .append("spec:\n  parentRefs: [{name: gw-").append(r % gateways).append("}]\n")
          .append("  hostnames: [host-").append(r).append(".example.com]\n")
          .append("  rules:\n    - matches:\n")
          .append("        - path: {type: PathPrefix, value: /api/").append(r).append("}\n")
          .append("        - path: {type: Exact, value: /health}\n          headers: [{name: x-route, value: \"")
          .append(r).append("\"}]\n")
          .append("      backendRefs:\n")
          .append("        - {name: svc-").append(a).append(", port: 80, weight: 80}\n")
          .append("        - {name: svc-").append(b).append(", port: 80, weight: 20}\n");
    }
    if (secured) {
      y.append("""
          ---
          apiVersion: gateway.envoyproxy.io/v1alpha1
          kind: Backend
          metadata: {name: opa-unix-socket, namespace: bench}
          spec:
            endpoints: [{unix: {path: /shared/opa/opa.sock}}]
          """);
      for (int g = 0; g < gateways; g++) {
        y.append("---\napiVersion: gateway.envoyproxy.io/v1alpha1\nkind: SecurityPolicy\n")
            .append("metadata: {name: auth-").append(g).append(", namespace: bench}\n")
            .append("spec:\n  targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: gw-")
            .append(g).append("}]\n")
            .append("""
                  jwt:
                    providers:
                      - name: issuer
                        remoteJWKS: {uri: "https://issuer.example.com/.well-known/jwks.json"}
                        claimToHeaders: [{header: x-jwt-iss, claim: iss}]
                  extAuth:
                    grpc:
                      backendRefs: [{group: gateway.envoyproxy.io, kind: Backend, name: opa-unix-socket}]
                    headersToExtAuth: [x-jwt-iss]
                """);
      }
    }
    return y.toString();
  }
}

package dev.tollgate.kubernetes.status;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import dev.tollgate.translator.status.Condition;
import dev.tollgate.translator.status.ObjectStatus;
import dev.tollgate.translator.status.PolicyStatus;
import dev.tollgate.translator.status.RouteStatus;
import java.util.List;

/** Statuses as the translator builds them (fixed transition time), and the objects they are for. */
final class Statuses {
  private Statuses() {}

  static final String OURS = TranslatorConfig.DEFAULT_CONTROLLER_NAME;
  static final String GATEWAY_API = "gateway.networking.k8s.io/v1";

  static Condition accepted(boolean status, String reason, String message, long generation) {
    return new Condition("Accepted", status ? "True" : "False", generation, TranslatorConfig.FIXED_TRANSITION_TIME,
        reason, message);
  }

  static ParentReference gateway(String name) {
    return new ParentReference("gateway.networking.k8s.io", "Gateway", null, name, null, null);
  }

  static ObjectStatus route(String name, Condition... conditions) {
    return new ObjectStatus(GATEWAY_API, "HTTPRoute", "default", name,
        new RouteStatus(List.of(new RouteStatus.Parent(gateway("eg"), OURS, List.of(conditions)))));
  }

  static ObjectStatus routeWithoutParents(String name) {
    return new ObjectStatus(GATEWAY_API, "HTTPRoute", "default", name, new RouteStatus(List.of()));
  }

  static ObjectStatus securityPolicy(String name, Condition... conditions) {
    return new ObjectStatus("gateway.envoyproxy.io/v1alpha1", "SecurityPolicy", "default", name,
        new PolicyStatus(List.of(new PolicyStatus.Ancestor(gateway("eg"), OURS, List.of(conditions)))));
  }

  static String routeYaml(String name) {
    return """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: %s, namespace: default}
        spec:
          parentRefs: [{name: eg}]
          rules:
            - backendRefs: [{name: backend, port: 3000}]
        """.formatted(name);
  }
}

package dev.tollgate.translator.model.gatewayapi;

import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectMeta;

/** {@code gateway.networking.k8s.io} GatewayClass (cluster-scoped). */
public record GatewayClass(String apiVersion, String kind, ObjectMeta metadata, Spec spec)
    implements KubernetesObject {

  public record Spec(String controllerName, ParametersReference parametersRef, String description) {}

  /** A reference to implementation-specific parameters (Tollgate reads an EnvoyProxy). */
  public record ParametersReference(String group, String kind, String name, String namespace) {}
}

package dev.tollgate.translator.model.gatewayapi;

import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectMeta;
import java.util.List;

/** {@code gateway.networking.k8s.io} ReferenceGrant (v1beta1 and v1 share this shape). */
public record ReferenceGrant(String apiVersion, String kind, ObjectMeta metadata, Spec spec)
    implements KubernetesObject {

  public record Spec(List<From> from, List<To> to) {
    public Spec {
      from = from == null ? List.of() : from;
      to = to == null ? List.of() : to;
    }
  }

  public record From(String group, String kind, String namespace) {}

  public record To(String group, String kind, String name) {}
}

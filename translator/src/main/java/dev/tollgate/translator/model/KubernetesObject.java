package dev.tollgate.translator.model;

/** Any object read from a manifest: the parts every Kubernetes object shares. */
public interface KubernetesObject {
  String apiVersion();

  String kind();

  ObjectMeta metadata();

  /** The identity used to look the object up and to report on it. */
  default ObjectKey key() {
    return new ObjectKey(kind(), metadata().namespace(), metadata().name());
  }
}

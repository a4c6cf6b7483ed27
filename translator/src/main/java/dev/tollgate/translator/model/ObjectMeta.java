package dev.tollgate.translator.model;

import java.util.Map;

/**
 * The metadata fields Tollgate reads. A namespaced object without a namespace is placed in
 * {@code default} by the reader, so {@link #namespace()} is only empty for cluster-scoped kinds.
 */
public record ObjectMeta(
    String name,
    String namespace,
    Map<String, String> labels,
    Map<String, String> annotations,
    Long generation,
    String creationTimestamp,
    String uid,
    String resourceVersion) {

  public ObjectMeta {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    namespace = namespace == null ? "" : namespace;
    name = name == null ? "" : name;
  }

  public ObjectMeta withNamespace(String ns) {
    return new ObjectMeta(name, ns, labels, annotations, generation, creationTimestamp, uid, resourceVersion);
  }

  public static ObjectMeta named(String namespace, String name) {
    return new ObjectMeta(name, namespace, Map.of(), Map.of(), null, null, null, null);
  }
}

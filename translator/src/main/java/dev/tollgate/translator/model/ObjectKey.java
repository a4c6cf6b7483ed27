package dev.tollgate.translator.model;

import java.util.Comparator;

/** Kind, namespace and name: how objects are indexed, sorted and named in messages. */
public record ObjectKey(String kind, String namespace, String name) implements Comparable<ObjectKey> {

  private static final Comparator<ObjectKey> ORDER =
      Comparator.comparing(ObjectKey::kind)
          .thenComparing(ObjectKey::namespace)
          .thenComparing(ObjectKey::name);

  public ObjectKey {
    namespace = namespace == null ? "" : namespace;
  }

  /** {@code namespace/name}, or just the name for cluster-scoped objects. */
  public String namespacedName() {
    String shown = name.isEmpty() ? "(unnamed)" : name;
    return namespace.isEmpty() ? shown : namespace + "/" + shown;
  }

  @Override
  public int compareTo(ObjectKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return kind + " " + namespacedName();
  }
}

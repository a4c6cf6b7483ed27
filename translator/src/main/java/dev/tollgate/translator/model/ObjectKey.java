package dev.tollgate.translator.model;

/** Kind, namespace and name: how objects are indexed, sorted and named in messages. */
public record ObjectKey(String kind, String namespace, String name) implements Comparable<ObjectKey> {

  public ObjectKey {
    namespace = namespace == null ? "" : namespace;
  }

  /** {@code namespace/name}, or just the name for cluster-scoped objects. */
  public String namespacedName() {
    String shown = name.isEmpty() ? "(unnamed)" : name;
    return namespace.isEmpty() ? shown : namespace + "/" + shown;
  }

  /** Kind, then namespace, then name. Written out: keys are compared on every sorted insert. */
  @Override
  public int compareTo(ObjectKey other) {
    int c = kind.compareTo(other.kind);
    if (c != 0) {
      return c;
    }
    c = namespace.compareTo(other.namespace);
    return c != 0 ? c : name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return kind + " " + namespacedName();
  }
}

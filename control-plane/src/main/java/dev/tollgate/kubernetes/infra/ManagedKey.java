package dev.tollgate.kubernetes.infra;

/** One managed object, by kind and name (all of them live in the infrastructure namespace). */
record ManagedKey(String kind, String name) implements Comparable<ManagedKey> {

  @Override
  public int compareTo(ManagedKey o) {
    int c = kind.compareTo(o.kind);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return kind + " " + name;
  }
}

package dev.tollgate.translator.admission;

/**
 * A field's path, built as a walk descends and spelt out only when an error needs it: walking
 * every node of every object must not build a string per node.
 */
public final class FieldPath {

  public static final FieldPath ROOT = new FieldPath(null, null, -1);

  private final FieldPath parent;
  private final String name;
  private final int index;

  private FieldPath(FieldPath parent, String name, int index) {
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  public FieldPath child(String field) {
    return new FieldPath(this, field, -1);
  }

  public FieldPath index(int i) {
    return new FieldPath(this, null, i);
  }

  /** {@code spec.rules[0].backendRefs[1]}, as {@link FieldPaths} spells paths. */
  @Override
  public String toString() {
    if (parent == null) {
      return "";
    }
    String above = parent.toString();
    return name != null ? FieldPaths.child(above, name) : FieldPaths.index(above, index);
  }
}

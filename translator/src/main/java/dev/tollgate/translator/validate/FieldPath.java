package dev.tollgate.translator.validate;

/**
 * A field path built while walking a message, as a linked list so that no string is made unless
 * a violation needs one: {@code virtual_hosts[0].routes[2].route.cluster}.
 */
public final class FieldPath implements Location {

  public static final FieldPath ROOT = new FieldPath(null, null, -1, null);

  private final FieldPath parent;
  private final String field;
  private final int index;
  private final String key;

  private FieldPath(FieldPath parent, String field, int index, String key) {
    this.parent = parent;
    this.field = field;
    this.index = index;
    this.key = key;
  }

  @Override
  public FieldPath resolve() {
    return this;
  }

  @Override
  public FieldPath field(String name) {
    return new FieldPath(this, name, -1, null);
  }

  @Override
  public FieldPath index(int i) {
    return new FieldPath(this, null, i, null);
  }

  @Override
  public FieldPath key(Object k) {
    return new FieldPath(this, null, -1, String.valueOf(k));
  }

  @Override
  public String toString() {
    if (parent == null) {
      return "";
    }
    String head = parent.toString();
    if (field != null) {
      return head.isEmpty() ? field : head + "." + field;
    }
    return head + (key != null ? "[\"" + key + "\"]" : "[" + index + "]");
  }
}

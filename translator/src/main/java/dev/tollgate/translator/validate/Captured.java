package dev.tollgate.translator.validate;

import com.google.protobuf.ByteString;
import java.util.List;

/**
 * The values of the fields a {@link KnownMessages.Special} asked for, as the walker read them:
 * strings, numbers, enum numbers, message fields as their encoding, repeated fields as lists.
 * A field that did not appear reads as absent (null, "", 0 or an empty list).
 */
final class Captured {

  private final List<String> names;
  private final Object[] values;

  Captured(List<String> names, Object[] values) {
    this.names = names;
    this.values = values;
  }

  private Object get(String field) {
    int i = names.indexOf(field);
    if (i < 0) {
      throw new IllegalArgumentException(field + " is not captured");
    }
    return values[i];
  }

  String string(String field) {
    Object v = get(field);
    return v == null ? "" : (String) v;
  }

  int enumNumber(String field) {
    Object v = get(field);
    return v == null ? 0 : (Integer) v;
  }

  /** A message field's encoding, or null when it did not appear. */
  ByteString message(String field) {
    return (ByteString) get(field);
  }

  @SuppressWarnings("unchecked")
  List<Object> list(String field) {
    Object v = get(field);
    return v == null ? List.of() : (List<Object>) v;
  }
}

package dev.tollgate.translator.admission;

/**
 * One reason an object is refused, worded as the Kubernetes API server words it.
 *
 * @param type what kind of failure, as Kubernetes classifies them
 * @param field the field's path ({@code spec.rules[0].backendRefs[0].port}), or empty for the whole object
 * @param message what is wrong ({@code Invalid value: 70000: should be less than or equal to 65535})
 */
public record FieldError(Type type, String field, String message) {

  /** Kubernetes' classes of field errors. Type and enum errors keep CEL rules from running, as they do there. */
  public enum Type {
    REQUIRED,
    INVALID,
    TYPE_INVALID,
    UNSUPPORTED,
    DUPLICATE,
    TOO_LONG,
    TOO_MANY,
    UNKNOWN_FIELD;

    public boolean blocksRules() {
      return this == TYPE_INVALID || this == UNSUPPORTED;
    }
  }

  public static FieldError required(String field) {
    return new FieldError(Type.REQUIRED, field, "Required value");
  }

  public static FieldError invalid(String field, Object value, String detail) {
    return new FieldError(Type.INVALID, field, "Invalid value: " + FieldValues.show(value) + ": " + detail);
  }

  public static FieldError unknownField(String field) {
    return new FieldError(Type.UNKNOWN_FIELD, field, "unknown field");
  }

  @Override
  public String toString() {
    return field.isEmpty() ? message : field + ": " + message;
  }
}

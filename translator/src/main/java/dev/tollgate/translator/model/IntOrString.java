package dev.tollgate.translator.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kubernetes' int-or-string (a Service's targetPort): a number or a named port. */
public record IntOrString(Integer number, String name) {

  @JsonCreator
  public static IntOrString of(Object value) {
    if (value instanceof Integer i) {
      return new IntOrString(i, null);
    }
    if (value instanceof String s) {
      return new IntOrString(null, s);
    }
    throw new IllegalArgumentException("must be an integer or a string");
  }

  public boolean isNumber() {
    return number != null;
  }

  @JsonValue
  public Object value() {
    return number != null ? number : name;
  }
}

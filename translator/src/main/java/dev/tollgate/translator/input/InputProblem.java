package dev.tollgate.translator.input;

import dev.tollgate.translator.model.ObjectKey;

/**
 * Something wrong with an input document. An {@link Severity#ERROR} means the object was skipped;
 * a {@link Severity#WARNING} means part of it (a field, an unknown kind) was ignored.
 *
 * @param object the object, when its kind and name could be read; null otherwise
 * @param field the field path in the manifest ({@code spec.rules[0].matches}), or empty
 */
public record InputProblem(Severity severity, Source source, ObjectKey object, String field, String message) {

  public enum Severity {
    ERROR,
    WARNING
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(severity == Severity.ERROR ? "error: " : "warning: ").append(source);
    if (object != null) {
      sb.append(": ").append(object);
    }
    if (field != null && !field.isEmpty()) {
      sb.append(": ").append(field);
    }
    return sb.append(": ").append(message).toString();
  }
}

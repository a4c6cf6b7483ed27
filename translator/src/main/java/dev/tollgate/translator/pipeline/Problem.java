package dev.tollgate.translator.pipeline;

/**
 * Something the pipeline could not do, beyond what object statuses say: a Gateway whose output
 * was withheld, a hook that failed.
 *
 * @param gateway the Gateway concerned ({@code namespace/name}), or empty
 * @param defect a defect in Tollgate, not a problem with the input: the translation did not complete
 * @param retryable the same input may well succeed later (an extension server that could not be
 *     reached), so a daemon should translate again without waiting for a change
 */
public record Problem(Severity severity, String gateway, String message, boolean retryable, boolean defect) {

  public enum Severity {
    ERROR,
    WARNING
  }

  public static Problem error(String gateway, String message) {
    return new Problem(Severity.ERROR, gateway, message, false, false);
  }

  public static Problem warning(String gateway, String message) {
    return new Problem(Severity.WARNING, gateway, message, false, false);
  }

  public Problem asRetryable() {
    return new Problem(severity, gateway, message, true, defect);
  }

  /** A defect in Tollgate met while translating (an exception no input should cause), as an error. */
  public static Problem defect(String gateway, String message) {
    return new Problem(Severity.ERROR, gateway, message, false, true);
  }

  @Override
  public String toString() {
    return (severity == Severity.ERROR ? "error: " : "warning: ") + (gateway.isEmpty() ? "" : "gateway " + gateway + ": ") + message;
  }
}

package dev.tollgate.translator.pipeline;

/**
 * Something the pipeline could not do, beyond what object statuses say: a Gateway whose output
 * was withheld, a hook that failed.
 *
 * @param gateway the Gateway concerned ({@code namespace/name}), or empty
 */
public record Problem(Severity severity, String gateway, String message) {

  public enum Severity {
    ERROR,
    WARNING
  }

  public static Problem error(String gateway, String message) {
    return new Problem(Severity.ERROR, gateway, message);
  }

  public static Problem warning(String gateway, String message) {
    return new Problem(Severity.WARNING, gateway, message);
  }

  @Override
  public String toString() {
    return (severity == Severity.ERROR ? "error: " : "warning: ") + (gateway.isEmpty() ? "" : "gateway " + gateway + ": ") + message;
  }
}

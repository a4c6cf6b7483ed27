package dev.tollgate.translator.pipeline;

/**
 * An exception inside the pipeline is a defect, never the input's fault to pay for with a crash:
 * it becomes an error naming what was being done and where it was thrown, the Gateways it touched
 * keep their last good configuration, and everything else is still translated.
 */
final class InternalErrors {

  private InternalErrors() {}

  static Problem problem(String gateway, String doing, Throwable e) {
    StackTraceElement at = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
    return Problem.defect(gateway, "internal error while " + doing + ": " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()))
        + (at == null ? "" : " (at " + at.getClassName() + "." + at.getMethodName() + ":" + at.getLineNumber() + ")")
        + "; its configuration was not updated");
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}

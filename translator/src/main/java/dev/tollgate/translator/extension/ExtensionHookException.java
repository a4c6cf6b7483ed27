package dev.tollgate.translator.extension;

/** An extension hook that could not be completed: unreachable, failed, too slow or too large. */
public final class ExtensionHookException extends Exception {

  private final boolean unreachable;

  /**
   * @param unreachable the extension could not be reached or did not answer in time, so further
   *     calls in the same translation would most likely fare no better
   */
  public ExtensionHookException(String message, boolean unreachable, Throwable cause) {
    super(message, cause);
    this.unreachable = unreachable;
  }

  public ExtensionHookException(String message) {
    this(message, false, null);
  }

  public boolean unreachable() {
    return unreachable;
  }
}

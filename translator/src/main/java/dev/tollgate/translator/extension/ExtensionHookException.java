package dev.tollgate.translator.extension;

/** An extension hook that could not be completed: unreachable, failed, too slow or too large. */
public final class ExtensionHookException extends Exception {

  public ExtensionHookException(String message, Throwable cause) {
    super(message, cause);
  }

  public ExtensionHookException(String message) {
    super(message);
  }
}

package dev.tollgate.extension.config;

/** An extension configuration that cannot be used; the message names the file and field. */
public final class ExtensionConfigException extends Exception {
  public ExtensionConfigException(String message) {
    super(message);
  }
}

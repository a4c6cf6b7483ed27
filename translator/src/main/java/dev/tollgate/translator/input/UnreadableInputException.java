package dev.tollgate.translator.input;

/** A file or stream could not be read at all (missing, not YAML): nothing in it was used. */
public class UnreadableInputException extends Exception {
  public UnreadableInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

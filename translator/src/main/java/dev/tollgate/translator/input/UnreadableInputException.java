package dev.tollgate.translator.input;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** A file or stream could not be read at all (missing, not YAML): nothing in it was used. */
public class UnreadableInputException extends Exception {
  public UnreadableInputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** What went wrong with a file, in words: {@code does not exist}, {@code permission denied}, or the system's message. */
  public static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}

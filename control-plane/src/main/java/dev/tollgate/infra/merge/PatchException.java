package dev.tollgate.infra.merge;

/**
 * A patch that cannot be applied: {@link #path()} says where inside the patch value (for example
 * {@code spec.template.spec.containers[name=opa].ports}; empty for the patch value as a whole), the
 * message says what is wrong there.
 */
public final class PatchException extends Exception {
  private final String path;

  public PatchException(String path, String message) {
    super(message);
    this.path = path;
  }

  public PatchException(String path, String message, Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  /** Where in the patch value the problem is, as dotted fields and list elements. */
  public String path() {
    return path;
  }
}

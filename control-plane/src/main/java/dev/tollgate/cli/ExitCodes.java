package dev.tollgate.cli;

/** The exit codes of the {@code tollgate} command, as documented in the README. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  /** Something went wrong inside Tollgate. */
  public static final int INTERNAL_ERROR = 1;
  /** Bad command line; for {@code serve}, also a setting that cannot be used, from any source. */
  public static final int USAGE = 2;
  /**
   * An input file or stream could not be read, or is not YAML; for {@code serve}, a resources path
   * does not exist, or the extension configuration, the {@code --config} file or a TLS file cannot be read.
   */
  public static final int UNREADABLE_INPUT = 3;
  /** With {@code --strict}: some object was rejected; a {@code validate}d file is invalid; a bootstrap breaks Envoy's rules. */
  public static final int REJECTED = 4;
  /** {@code diff}: what differs exits with 1, so an internal error there exits with this. */
  public static final int DIFF_INTERNAL_ERROR = 5;
  /** {@code diff}: the two sides differ. */
  public static final int DIFFERENT = 1;
}

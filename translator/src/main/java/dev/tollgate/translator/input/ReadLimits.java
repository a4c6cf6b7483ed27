package dev.tollgate.translator.input;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much input Tollgate reads. A Kubernetes API server refuses requests over 3 MiB, so one
 * object (one document) is held to that by default; a file may hold many documents. Nesting is
 * bounded because trees are walked recursively.
 *
 * @param maxFileBytes the largest file or standard input read
 * @param maxDocumentBytes the largest single YAML document, in characters
 * @param maxNestingDepth how deep mappings and lists may nest
 */
public record ReadLimits(long maxFileBytes, int maxDocumentBytes, int maxNestingDepth) {

  public static final long MIB = 1024 * 1024;
  public static final ReadLimits DEFAULT = new ReadLimits(32 * MIB, (int) (3 * MIB), 100);

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|k|ki|kib|kb|m|mi|mib|mb|g|gi|gib|gb)");

  public ReadLimits {
    if (maxFileBytes <= 0 || maxDocumentBytes <= 0 || maxNestingDepth <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public ReadLimits withMaxFileBytes(long bytes) {
    return new ReadLimits(bytes, maxDocumentBytes, maxNestingDepth);
  }

  public ReadLimits withMaxDocumentBytes(long bytes) {
    return new ReadLimits(maxFileBytes, (int) Math.min(Integer.MAX_VALUE - 8, bytes), maxNestingDepth);
  }

  /**
   * A size such as {@code 3Mi}, {@code 512Ki}, {@code 8MB} or {@code 1048576}; binary and decimal
   * suffixes both mean powers of 1024, as sizes of files are usually meant.
   *
   * @throws IllegalArgumentException naming the value when it is not a size
   */
  public static long parseSize(String text) {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not a size (examples: 3Mi, 512Ki, 1048576)");
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + text + "\" is too large a size", e);
    }
    long unit = switch (m.group(2).isEmpty() ? ' ' : m.group(2).charAt(0)) {
      case 'k' -> 1024L;
      case 'm' -> MIB;
      case 'g' -> 1024 * MIB;
      default -> 1L;
    };
    if (n <= 0 || n > Long.MAX_VALUE / unit) {
      throw new IllegalArgumentException("\"" + text + "\" is not a positive size");
    }
    return n * unit;
  }

  /**
   * What is said of an input larger than {@link #maxFileBytes()}: its name, its size when known
   * (negative when not) and the limit, with the option that raises it.
   */
  public String fileTooLarge(String name, long size) {
    return name + ": " + (size < 0 ? "larger" : "is " + describe(size) + ", larger")
        + " than the limit of " + describe(maxFileBytes) + " (--max-file-size); it was not read";
  }

  /** {@code 3 MiB}, {@code 512 KiB}, {@code 50.0 MiB (52428867 bytes)} or a byte count, for messages. */
  public static String describe(long bytes) {
    if (bytes % MIB == 0) {
      return bytes / MIB + " MiB";
    }
    if (bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes >= MIB ? String.format(Locale.ROOT, "%.1f MiB (%d bytes)", bytes / (double) MIB, bytes) : bytes + " bytes";
  }
}

package dev.tollgate.extension.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities as byte counts ({@code 4M}, {@code 64Mi}, {@code 1000000}). */
final class Quantities {

  private static final Pattern QUANTITY = Pattern.compile("([1-9][0-9]*)(Ki|Mi|Gi|Ti|k|K|M|G|T)?");
  private static final Map<String, Long> UNITS = Map.of(
      "k", 1_000L, "K", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L, "T", 1_000_000_000_000L,
      "Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "Ti", 1L << 40);

  private Quantities() {}

  /** The number of bytes, or -1 when the text is not a quantity. */
  static long bytes(String text) {
    Matcher m = QUANTITY.matcher(text.trim());
    if (!m.matches()) {
      return -1;
    }
    try {
      long unit = m.group(2) == null ? 1 : UNITS.get(m.group(2));
      return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
    } catch (ArithmeticException | NumberFormatException e) {
      return -1;
    }
  }
}

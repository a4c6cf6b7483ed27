package dev.tollgate.translator.gateway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Gateway API durations (GEP-2257): up to four number-unit pairs, units h, m, s and ms. */
public final class Durations {

  private static final Pattern WHOLE = Pattern.compile("^([0-9]{1,5}(h|m|s|ms)){1,4}$");
  private static final Pattern PART = Pattern.compile("([0-9]{1,5})(h|ms|m|s)");

  private Durations() {}

  /** The duration in milliseconds. */
  public static long toMillis(String value) {
    if (value == null || !WHOLE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "invalid duration \"" + value + "\": expected up to four number-unit pairs such as 1h30m or 500ms");
    }
    long millis = 0;
    Matcher m = PART.matcher(value);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      millis += switch (m.group(2)) {
        case "h" -> n * 3_600_000;
        case "m" -> n * 60_000;
        case "s" -> n * 1000;
        default -> n;
      };
    }
    return millis;
  }
}

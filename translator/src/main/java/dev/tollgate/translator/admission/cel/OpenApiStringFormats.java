package dev.tollgate.translator.admission.cel;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The OpenAPI string formats the API server checks CRD values against (kube-openapi's strfmt),
 * with its acceptance rules: each returns the problems, empty when the value is valid.
 */
final class OpenApiStringFormats {

  private static final Pattern UUID =
      Pattern.compile("(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}");
  // Padded standard base64 of at least one quantum, as govalidator's IsBase64.
  private static final Pattern BASE64 = Pattern.compile(
      "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})");
  private static final Pattern FULL_DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
  // After the 't': the time of day; '.' before the fraction is any character, as upstream.
  private static final Pattern TIME_OF_DAY =
      Pattern.compile("([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))");

  static List<String> uri(String value) {
    try {
      UrlParser.parseRequestUri(value);
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
  }

  static List<String> uuid(String value) {
    return UUID.matches(value) ? List.of() : List.of("is not a UUID");
  }

  static List<String> base64(String value) {
    return BASE64.matches(value) ? List.of() : List.of("is not valid base64");
  }

  static List<String> date(String value) {
    return isFullDate(value) ? List.of() : List.of("is not a date of the form YYYY-MM-DD");
  }

  /**
   * A date, 't' (any case), then a time of day with a 'z' or numeric offset. Only hours, minutes
   * and seconds are range-checked, as upstream.
   */
  static List<String> dateTime(String value) {
    String[] parts = value.toLowerCase(Locale.ROOT).split("t", -1);
    boolean valid = value.length() >= 4 && parts.length >= 2 && isFullDate(parts[0]);
    if (valid) {
      Matcher time = TIME_OF_DAY.matcher(parts[1]);
      valid = time.matches() && time.group(1).compareTo("23") <= 0 && time.group(2).compareTo("59") <= 0
          && time.group(3).compareTo("59") <= 0;
    }
    return valid ? List.of() : List.of("is not an RFC 3339 date-time");
  }

  /** Go's time.Parse with layout 2006-01-02: four-digit year, real month and day. */
  private static boolean isFullDate(String value) {
    Matcher date = FULL_DATE.matcher(value);
    if (!date.matches()) {
      return false;
    }
    try {
      LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
          Integer.parseInt(date.group(3)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private OpenApiStringFormats() {}
}

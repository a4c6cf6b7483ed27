package dev.tollgate.translator.validate.rules;

import com.google.common.net.InetAddresses;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** PGV's well-known string formats. */
final class WellKnown {

  /**
   * The punctuation PGV's strict header name expression allows. Its character class reads
   * {@code +-.} as a range, so the comma between {@code +} and {@code -} is allowed too, as Envoy's
   * own validators do.
   */
  private static final String TOKEN = "!#$%&'*+,-.^_|~`";
  private static final Pattern UUID = Pattern.compile(
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private WellKnown() {}

  /** PGV's strict HTTP header name: {@code ^:?[0-9a-zA-Z!#$%&'*+-.^_|~`]+$}. Checked by hand: it runs per route. */
  static boolean isStrictHeaderName(String s) {
    int start = s.startsWith(":") ? 1 : 0;
    if (s.length() == start) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || TOKEN.indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  /** PGV's strict HTTP header value: no control characters but tab. */
  static boolean isStrictHeaderValue(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x08 || c >= 0x0A && c <= 0x1F || c == 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** PGV's lax header name or value: no NUL, LF or CR. */
  static boolean isLaxHeader(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0 || c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  static boolean isHostname(String s) {
    String h = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    if (h.isEmpty() || h.length() > 253) {
      return false;
    }
    for (String label : h.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
          return false;
        }
      }
    }
    return true;
  }

  static boolean isIp(String s) {
    return InetAddresses.isInetAddress(s);
  }

  static boolean isIpv4(String s) {
    return isIp(s) && !s.contains(":");
  }

  static boolean isIpv6(String s) {
    return isIp(s) && s.contains(":");
  }

  static boolean isEmail(String s) {
    int at = s.lastIndexOf('@');
    return at > 0 && at < s.length() - 1 && s.length() <= 254 && isHostname(s.substring(at + 1));
  }

  static boolean isUri(String s) {
    try {
      return new URI(s).isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  static boolean isUriRef(String s) {
    try {
      new URI(s);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  static boolean isUuid(String s) {
    return UUID.matcher(s).matches();
  }
}

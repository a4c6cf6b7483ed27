package dev.tollgate.translator.admission.cel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as Go's net/url does it, part by part: which bytes a part may hold unescaped,
 * and which escapes it accepts. Works on UTF-8 bytes, as Go's strings are bytes.
 */
final class UrlEscaping {

  enum Part { PATH, HOST, ZONE, USER_PASSWORD, QUERY_COMPONENT, FRAGMENT }

  private static final String UPPER_HEX = "0123456789ABCDEF";

  /** Go's shouldEscape: whether byte {@code c} must be percent-encoded in {@code part}. */
  static boolean shouldEscape(int c, Part part) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return false;
    }
    if ((part == Part.HOST || part == Part.ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
      return false;
    }
    if ("-_.~".indexOf(c) >= 0) {
      return false;
    }
    if ("$&+,/:;=?@".indexOf(c) >= 0) {
      return switch (part) {
        case PATH -> c == '?';
        case USER_PASSWORD -> c == '@' || c == '/' || c == '?' || c == ':';
        case QUERY_COMPONENT -> true;
        case FRAGMENT -> false;
        case HOST, ZONE -> true;
      };
    }
    if (part == Part.FRAGMENT && "!()*".indexOf(c) >= 0) {
      return false;
    }
    return true;
  }

  /** Decodes percent escapes; '+' is a space in a query component. Rejects what Go rejects. */
  static String unescape(String text, Part part) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    for (int i = 0; i < bytes.length; i++) {
      int c = bytes[i] & 0xFF;
      if (c == '%') {
        if (i + 2 >= bytes.length || hex(bytes[i + 1]) < 0 || hex(bytes[i + 2]) < 0) {
          throw new IllegalArgumentException("invalid URL escape \"" + escapeFragment(bytes, i) + "\"");
        }
        int value = hex(bytes[i + 1]) << 4 | hex(bytes[i + 2]);
        boolean escapedPercent = value == '%';
        if (part == Part.HOST && hex(bytes[i + 1]) < 8 && !escapedPercent) {
          throw new IllegalArgumentException("invalid URL escape \"" + escapeFragment(bytes, i) + "\"");
        }
        if (part == Part.ZONE && !escapedPercent && value != ' ' && shouldEscape(value, Part.HOST)) {
          throw new IllegalArgumentException("invalid URL escape \"" + escapeFragment(bytes, i) + "\"");
        }
        out.write(value);
        i += 2;
      } else if (c == '+' && part == Part.QUERY_COMPONENT) {
        out.write(' ');
      } else {
        if ((part == Part.HOST || part == Part.ZONE) && c < 0x80 && shouldEscape(c, part)) {
          throw new IllegalArgumentException("invalid character \"" + (char) c + "\" in host name");
        }
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Percent-encodes every byte {@code part} may not hold as is (hex in upper case, as Go). */
  static String escape(String text, Part part) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (shouldEscape(c, part)) {
        out.append('%').append(UPPER_HEX.charAt(c >> 4)).append(UPPER_HEX.charAt(c & 0xF));
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  /** Go's validEncoded: whether {@code text} may stand as the escaped form of a path. */
  static boolean isValidEncodedPath(String text) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ("!$&'()*+,;=:@[]%".indexOf(c) < 0 && shouldEscape(c, Part.PATH)) {
        return false;
      }
    }
    return true;
  }

  private static int hex(byte b) {
    return b < 0 ? -1 : Character.digit(b, 16);
  }

  private static String escapeFragment(byte[] bytes, int start) {
    return new String(bytes, start, Math.min(3, bytes.length - start), StandardCharsets.UTF_8);
  }

  private UrlEscaping() {}
}

package dev.tollgate.translator.admission.cel;

import java.util.Arrays;

/**
 * Reads IP addresses with the rules of Go's netip.ParseAddr, plus the two the API server adds: no
 * zone ({@code fe80::1%eth0}) and no IPv4-mapped IPv6 ({@code ::ffff:1.2.3.4}). Never resolves a
 * name. Failures are {@link IllegalArgumentException}s whose message says what is wrong.
 */
final class IpAddressParser {

  static boolean isValid(String text) {
    return Parses.succeeds(IpAddressParser::parse, text);
  }

  static IpAddress parse(String text) {
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case '.':
          return IpAddress.ipv4(parseIpv4(text, 0, text.length()));
        case ':':
          return parseIpv6(text);
        case '%':
          throw invalid(text, "missing IPv6 address before the zone");
        default:
          break;
      }
    }
    throw invalid(text, "not an IP address");
  }

  /** The 32 bits of the dotted-decimal address in {@code text[start, end)}. */
  private static long parseIpv4(String text, int start, int end) {
    long bits = 0;
    int fields = 0;
    int value = 0;
    int digits = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits == 1 && value == 0) {
          throw invalid(text, "an IPv4 field has a leading zero");
        }
        value = value * 10 + (c - '0');
        digits++;
        if (value > 255) {
          throw invalid(text, "an IPv4 field is greater than 255");
        }
      } else if (c == '.') {
        if (i == start || i == end - 1 || text.charAt(i - 1) == '.') {
          throw invalid(text, "an IPv4 field has no digits");
        }
        if (fields == 3) {
          throw invalid(text, "an IPv4 address has four fields");
        }
        bits = (bits << 8) | value;
        fields++;
        value = 0;
        digits = 0;
      } else {
        throw invalid(text, "unexpected character '" + c + "'");
      }
    }
    if (fields < 3) {
      throw invalid(text, "an IPv4 address has four fields");
    }
    return (bits << 8) | value;
  }

  private static IpAddress parseIpv6(String text) {
    if (text.indexOf('%') >= 0) {
      throw invalid(text, "zones are not allowed");
    }
    int[] words = new int[8];
    int count = 0;
    int ellipsis = -1;
    int pos = 0;
    int end = text.length();
    if (text.startsWith("::")) {
      ellipsis = 0;
      pos = 2;
      if (pos == end) {
        return IpAddress.ipv6(0, 0);
      }
    }
    while (count < 8) {
      int digitsEnd = pos;
      int value = 0;
      while (digitsEnd < end && Character.digit(text.charAt(digitsEnd), 16) >= 0 && text.charAt(digitsEnd) < 128) {
        value = (value << 4) | Character.digit(text.charAt(digitsEnd), 16);
        digitsEnd++;
        if (digitsEnd - pos > 4) {
          throw invalid(text, "a group has more than four hex digits");
        }
      }
      if (digitsEnd == pos) {
        throw invalid(text, "a group has no digits");
      }
      if (digitsEnd < end && text.charAt(digitsEnd) == '.') {
        if (ellipsis < 0 && count != 6) {
          throw invalid(text, "an embedded IPv4 address must replace the last two groups");
        }
        if (count + 2 > 8) {
          throw invalid(text, "no room for an embedded IPv4 address");
        }
        long ipv4 = parseIpv4(text, pos, end);
        words[count++] = (int) (ipv4 >>> 16);
        words[count++] = (int) (ipv4 & 0xFFFF);
        pos = end;
        break;
      }
      words[count++] = value;
      pos = digitsEnd;
      if (pos == end) {
        break;
      }
      if (text.charAt(pos) != ':') {
        throw invalid(text, "unexpected character '" + text.charAt(pos) + "'");
      }
      if (pos == end - 1) {
        throw invalid(text, "a colon ends the address");
      }
      pos++;
      if (text.charAt(pos) == ':') {
        if (ellipsis >= 0) {
          throw invalid(text, "more than one '::'");
        }
        ellipsis = count;
        pos++;
        if (pos == end) {
          break;
        }
      }
    }
    if (pos != end) {
      throw invalid(text, "trailing characters after the address");
    }
    if (count < 8) {
      if (ellipsis < 0) {
        throw invalid(text, "too few groups");
      }
      int missing = 8 - count;
      System.arraycopy(words, ellipsis, words, ellipsis + missing, count - ellipsis);
      Arrays.fill(words, ellipsis, ellipsis + missing, 0);
    } else if (ellipsis >= 0) {
      throw invalid(text, "'::' must stand for at least one group of zeros");
    }
    long high = 0;
    long low = 0;
    for (int i = 0; i < 8; i++) {
      if (i < 4) {
        high = (high << 16) | words[i];
      } else {
        low = (low << 16) | words[i];
      }
    }
    if (high == 0 && (low >>> 32) == 0xFFFF) {
      throw invalid(text, "IPv4-mapped IPv6 addresses are not allowed");
    }
    return IpAddress.ipv6(high, low);
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException("IP address '" + text + "' is not valid: " + reason);
  }

  private IpAddressParser() {}
}

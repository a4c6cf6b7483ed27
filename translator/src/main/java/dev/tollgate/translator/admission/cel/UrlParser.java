package dev.tollgate.translator.admission.cel;

import dev.tollgate.translator.admission.cel.UrlEscaping.Part;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Reads URLs with the rules of Go's net/url, which the API server's {@code isURL} and {@code url}
 * use: {@link #parseRequestUri} decides validity (an absolute URI or an absolute path, no
 * fragment splitting), {@link #parse} then reads the parts with the fragment cut off. Failures are
 * {@link IllegalArgumentException}s saying why.
 */
final class UrlParser {

  static boolean isValidRequestUri(String text) {
    try {
      parseRequestUri(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Go's url.ParseRequestURI. */
  static Url parseRequestUri(String text) {
    return naming(text, () -> parse(text, true));
  }

  /** Go's url.Parse: the fragment is cut off first and must be a valid escaping. */
  static Url parse(String text) {
    return naming(text, () -> {
      int hash = text.indexOf('#');
      if (hash < 0) {
        return parse(text, false);
      }
      UrlEscaping.unescape(text.substring(hash + 1), Part.FRAGMENT);
      return parse(text.substring(0, hash), false);
    });
  }

  /** Makes sure the message of a failure names the URL, whichever step failed. */
  private static Url naming(String text, Supplier<Url> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith("URL '") ? e : invalid(text, e.getMessage());
    }
  }

  private static Url parse(String text, boolean viaRequest) {
    if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
      throw invalid(text, "control character in URL");
    }
    if (text.isEmpty() && viaRequest) {
      throw invalid(text, "empty URL");
    }
    if (text.equals("*")) {
      return new Url("", "", "", "*", "", "");
    }
    String scheme = "";
    String rest = text;
    int schemeEnd = schemeEnd(text);
    if (schemeEnd == 0) {
      throw invalid(text, "missing protocol scheme");
    }
    if (schemeEnd > 0) {
      scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
      rest = text.substring(schemeEnd + 1);
    }
    String rawQuery = "";
    if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
      rest = rest.substring(0, rest.length() - 1);
    } else if (rest.indexOf('?') >= 0) {
      rawQuery = rest.substring(rest.indexOf('?') + 1);
      rest = rest.substring(0, rest.indexOf('?'));
    }
    if (!rest.startsWith("/")) {
      if (!scheme.isEmpty()) {
        return new Url(scheme, rest, "", "", "", rawQuery);
      }
      if (viaRequest) {
        throw invalid(text, "not an absolute URI or an absolute path");
      }
      int slash = rest.indexOf('/');
      if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
        throw invalid(text, "first path segment in URL cannot contain colon");
      }
    }
    String host = "";
    boolean hasAuthority = (!scheme.isEmpty() || (!viaRequest && !rest.startsWith("///"))) && rest.startsWith("//");
    if (hasAuthority) {
      String authority = rest.substring(2);
      int slash = authority.indexOf('/');
      rest = slash < 0 ? "" : authority.substring(slash);
      host = parseAuthority(text, slash < 0 ? authority : authority.substring(0, slash));
    }
    String path = UrlEscaping.unescape(rest, Part.PATH);
    String rawPath = UrlEscaping.escape(path, Part.PATH).equals(rest) ? "" : rest;
    return new Url(scheme, "", host, path, rawPath, rawQuery);
  }

  /** The index of the scheme's ':', 0 for a leading ':', or -1 when the text has no scheme. */
  private static int schemeEnd(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          return -1;
        }
        continue;
      }
      return c == ':' ? i : -1;
    }
    return -1;
  }

  /** Checks the user information and returns the unescaped host (with its ":port"). */
  private static String parseAuthority(String text, String authority) {
    int at = authority.lastIndexOf('@');
    String host = parseHost(text, at < 0 ? authority : authority.substring(at + 1));
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      if (!userInfo.chars().allMatch(UrlParser::isUserInfoCharacter)) {
        throw invalid(text, "invalid userinfo");
      }
      for (String part : userInfo.split(":", 2)) {
        UrlEscaping.unescape(part, Part.USER_PASSWORD);
      }
    }
    return host;
  }

  private static boolean isUserInfoCharacter(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0;
  }

  private static String parseHost(String text, String host) {
    if (host.startsWith("[")) {
      int close = host.lastIndexOf(']');
      if (close < 0) {
        throw invalid(text, "missing ']' in host");
      }
      if (!Url.isPortSuffix(host.substring(close + 1))) {
        throw invalid(text, "invalid port \"" + host.substring(close + 1) + "\" after host");
      }
      int zone = host.substring(0, close).indexOf("%25");
      if (zone >= 0) {
        return UrlEscaping.unescape(host.substring(0, zone), Part.HOST)
            + UrlEscaping.unescape(host.substring(zone, close), Part.ZONE)
            + UrlEscaping.unescape(host.substring(close), Part.HOST);
      }
    } else {
      int colon = host.lastIndexOf(':');
      if (colon >= 0 && !Url.isPortSuffix(host.substring(colon))) {
        throw invalid(text, "invalid port \"" + host.substring(colon) + "\" after host");
      }
    }
    return UrlEscaping.unescape(host, Part.HOST);
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException("URL '" + text + "' is not valid: " + reason);
  }

  private UrlParser() {}
}

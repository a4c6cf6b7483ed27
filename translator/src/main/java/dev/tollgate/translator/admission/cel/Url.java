package dev.tollgate.translator.admission.cel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A URL as the CEL {@code url()} function returns it: the parts Go's net/url keeps, read back the
 * way its accessors read them. {@code host} is unescaped and may hold ":port"; {@code rawPath} is
 * the path as written when that differs from the default escaping.
 */
record Url(String scheme, String opaque, String host, String path, String rawPath, String rawQuery) {

  /** The host without port; an IPv6 literal loses its brackets. */
  String hostname() {
    String name = host;
    int colon = name.lastIndexOf(':');
    if (colon >= 0 && isPortSuffix(name.substring(colon))) {
      name = name.substring(0, colon);
    }
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    return name;
  }

  String port() {
    int colon = host.lastIndexOf(':');
    return colon >= 0 && isPortSuffix(host.substring(colon)) ? host.substring(colon + 1) : "";
  }

  /** The path as written when that is a valid escaping of it, else the default escaping. */
  String escapedPath() {
    if (!rawPath.isEmpty() && UrlEscaping.isValidEncodedPath(rawPath)) {
      try {
        if (UrlEscaping.unescape(rawPath, UrlEscaping.Part.PATH).equals(path)) {
          return rawPath;
        }
      } catch (IllegalArgumentException e) {
        // fall through to the default escaping
      }
    }
    return path.equals("*") ? "*" : UrlEscaping.escape(path, UrlEscaping.Part.PATH);
  }

  /**
   * The query as Go's url.Values: repeated keys collect their values in order. Pairs Go would
   * refuse (a ';' in them, a bad escape) are skipped, as Go's URL.Query() skips them.
   */
  Map<String, List<String>> query() {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty() || pair.contains(";")) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        key = UrlEscaping.unescape(key, UrlEscaping.Part.QUERY_COMPONENT);
        value = UrlEscaping.unescape(value, UrlEscaping.Part.QUERY_COMPONENT);
      } catch (IllegalArgumentException e) {
        continue;
      }
      values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return values;
  }

  /** Go's validOptionalPort: empty, or ':' and digits. */
  static boolean isPortSuffix(String text) {
    if (text.isEmpty()) {
      return true;
    }
    return text.charAt(0) == ':' && text.chars().skip(1).allMatch(c -> c >= '0' && c <= '9');
  }
}

package dev.tollgate.review.envoy;

import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.PathWithEscapedSlashesAction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * What the connection manager does to a path before filters and routing see it, in Envoy's order:
 * escaped slashes ({@code %2F}, {@code %5C}) per {@code path_with_escaped_slashes_action}, then
 * {@code normalize_path} (RFC 3986: escaped unreserved characters decoded, dot segments removed,
 * backslashes read as slashes), then {@code merge_slashes}. A client can write {@code /test%2Dopa}
 * for {@code /test-opa}: what matters to a reviewer is the path Envoy routes on.
 */
public final class PathNormalization {

  private PathNormalization() {}

  private static final Pattern ESCAPED_SLASH = Pattern.compile("%(2[fF]|5[cC])");

  /** The path routing sees, or a redirect or rejection instead. */
  public record Outcome(String path, String redirectTo, boolean rejected, boolean changed) {}

  public static Outcome apply(HttpConnectionManager hcm, String pathWithQuery) {
    int q = pathWithQuery.indexOf('?');
    String path = q < 0 ? pathWithQuery : pathWithQuery.substring(0, q);
    String query = q < 0 ? "" : pathWithQuery.substring(q);
    String original = path;
    PathWithEscapedSlashesAction action = hcm.getPathWithEscapedSlashesAction();
    if (ESCAPED_SLASH.matcher(path).find()) {
      switch (action) {
        case REJECT_REQUEST:
          return new Outcome(pathWithQuery, null, true, false);
        case UNESCAPE_AND_REDIRECT:
        case UNESCAPE_AND_FORWARD:
          path = path.replaceAll("%2[fF]", "/").replaceAll("%5[cC]", "\\\\");
          break;
        default:
          break;
      }
    }
    if (hcm.hasNormalizePath() && hcm.getNormalizePath().getValue()) {
      path = removeDotSegments(decodeUnreserved(path).replace('\\', '/'));
    }
    if (hcm.getMergeSlashes()) {
      path = path.replaceAll("/{2,}", "/");
    }
    boolean changed = !path.equals(original);
    if (changed && action == PathWithEscapedSlashesAction.UNESCAPE_AND_REDIRECT && ESCAPED_SLASH.matcher(original).find()) {
      return new Outcome(pathWithQuery, path + query, false, true);
    }
    return new Outcome(path + query, null, false, changed);
  }

  private static final Pattern ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");

  /** {@code %41} → {@code A}: RFC 3986 section 6.2.2.2, unreserved characters only. */
  static String decodeUnreserved(String path) {
    return ESCAPE.matcher(path).replaceAll(m -> {
      char c = (char) Integer.parseInt(m.group(1), 16);
      boolean unreserved = Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~';
      return java.util.regex.Matcher.quoteReplacement(unreserved ? String.valueOf(c) : m.group().toUpperCase(java.util.Locale.ROOT));
    });
  }

  /** RFC 3986 section 5.2.4. */
  static String removeDotSegments(String path) {
    Deque<String> out = new ArrayDeque<>();
    String[] segments = path.split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      String s = segments[i];
      boolean last = i == segments.length - 1;
      if (s.equals(".")) {
        if (last) {
          out.addLast("");
        }
      } else if (s.equals("..")) {
        out.pollLast();
        if (last) {
          out.addLast("");
        }
      } else {
        out.addLast(s);
      }
    }
    return "/" + String.join("/", out);
  }
}

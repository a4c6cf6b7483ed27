package dev.tollgate.review.envoy;

import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which route of a virtual host Envoy picks for a request: the first, in order, whose match
 * holds. A {@code prefix} is matched against the path with its query, an exact {@code path}, a
 * {@code path_separated_prefix} and a {@code safe_regex} (whole path) against the path without
 * it; {@code case_sensitive} (default true) applies to all but the regex; every header and query
 * parameter matcher must hold too.
 */
public final class RouteMatching {

  private RouteMatching() {}

  /** A route that was tried, and why it was not taken (null when it was). */
  public record Attempt(Route route, String mismatch) {
    public boolean matched() {
      return mismatch == null;
    }
  }

  /** The routes tried in order, the last one the match when one matched. */
  public static List<Attempt> tried(VirtualHost virtualHost, HttpRequest request) {
    List<Attempt> out = new ArrayList<>();
    for (Route r : virtualHost.getRoutesList()) {
      Optional<String> why = mismatch(r.getMatch(), request);
      out.add(new Attempt(r, why.orElse(null)));
      if (why.isEmpty()) {
        break;
      }
    }
    return out;
  }

  public static Optional<Route> select(VirtualHost virtualHost, HttpRequest request) {
    List<Attempt> tried = tried(virtualHost, request);
    return tried.isEmpty() || !tried.get(tried.size() - 1).matched() ? Optional.empty()
        : Optional.of(tried.get(tried.size() - 1).route());
  }

  /** Why the match does not hold for the request; empty when it does. */
  public static Optional<String> mismatch(RouteMatch m, HttpRequest request) {
    boolean caseSensitive = !m.hasCaseSensitive() || m.getCaseSensitive().getValue();
    String full = caseSensitive ? request.path() : request.path().toLowerCase(Locale.ROOT);
    String path = caseSensitive ? request.pathOnly() : request.pathOnly().toLowerCase(Locale.ROOT);
    String ci = caseSensitive ? "" : " (any case)";
    switch (m.getPathSpecifierCase()) {
      case PREFIX -> {
        if (!full.startsWith(fold(m.getPrefix(), caseSensitive))) {
          return Optional.of("path does not start with \"" + m.getPrefix() + "\"" + ci);
        }
      }
      case PATH -> {
        if (!path.equals(fold(m.getPath(), caseSensitive))) {
          return Optional.of("path is not \"" + m.getPath() + "\"" + ci);
        }
      }
      case PATH_SEPARATED_PREFIX -> {
        String p = fold(m.getPathSeparatedPrefix(), caseSensitive);
        if (!path.equals(p) && !path.startsWith(p + "/")) {
          return Optional.of("path is neither \"" + m.getPathSeparatedPrefix() + "\" nor under \""
              + m.getPathSeparatedPrefix() + "/\"" + ci);
        }
      }
      case SAFE_REGEX -> {
        if (!StringMatching.regexMatches(m.getSafeRegex().getRegex(), request.pathOnly())) {
          return Optional.of("path does not match regex \"" + m.getSafeRegex().getRegex() + "\"");
        }
      }
      case CONNECT_MATCHER -> {
        if (!request.method().equals("CONNECT")) {
          return Optional.of("method is not CONNECT");
        }
      }
      default -> {
        return Optional.of("matches by " + m.getPathSpecifierCase().name().toLowerCase(Locale.ROOT)
            + ", which explain cannot evaluate");
      }
    }
    for (HeaderMatcher h : m.getHeadersList()) {
      if (!HeaderMatching.matches(h, request)) {
        return Optional.of(HeaderMatching.describe(h) + " does not hold");
      }
    }
    for (QueryParameterMatcher q : m.getQueryParametersList()) {
      if (!HeaderMatching.matches(q, request)) {
        return Optional.of(HeaderMatching.describe(q) + " does not hold");
      }
    }
    if (m.hasGrpc() && !request.header("content-type").orElse("").startsWith("application/grpc")) {
      return Optional.of("not a gRPC request (content-type application/grpc)");
    }
    if (m.getDynamicMetadataCount() > 0 || m.hasTlsContext() || m.getFilterStateCount() > 0) {
      return Optional.of("matches on connection or metadata state, which explain cannot evaluate");
    }
    return Optional.empty();
  }

  /**
   * Whether some request with a path in {@code P} or under {@code P/} could match: regexes and
   * matchers this cannot read are taken to (a reviewer must not miss a route).
   */
  public static boolean couldServeUnder(RouteMatch m, String p) {
    boolean cs = !m.hasCaseSensitive() || m.getCaseSensitive().getValue();
    String under = fold(p, cs);
    return switch (m.getPathSpecifierCase()) {
      case PREFIX -> under.startsWith(fold(m.getPrefix(), cs)) || fold(m.getPrefix(), cs).startsWith(under + "/");
      case PATH_SEPARATED_PREFIX, PATH -> {
        String v = fold(m.getPathSpecifierCase() == RouteMatch.PathSpecifierCase.PATH ? m.getPath() : m.getPathSeparatedPrefix(), cs);
        yield v.equals(under) || v.startsWith(under + "/")
            || m.getPathSpecifierCase() == RouteMatch.PathSpecifierCase.PATH_SEPARATED_PREFIX && under.startsWith(v + "/");
      }
      case CONNECT_MATCHER -> false;
      default -> true;
    };
  }

  /**
   * Whether every path the route matches is {@code P} or under it: the routes that are "for" that
   * path. A regex counts when its text begins with {@code P} (a route that matched it by a regex
   * of its own making is not for it).
   */
  public static boolean confinedTo(RouteMatch m, String p) {
    boolean cs = !m.hasCaseSensitive() || m.getCaseSensitive().getValue();
    String under = fold(p, cs);
    String v = switch (m.getPathSpecifierCase()) {
      case PREFIX -> fold(m.getPrefix(), cs);
      case PATH -> fold(m.getPath(), cs);
      case PATH_SEPARATED_PREFIX -> fold(m.getPathSeparatedPrefix(), cs);
      case SAFE_REGEX -> m.getSafeRegex().getRegex();
      default -> null;
    };
    if (v == null) {
      return false;
    }
    if (m.getPathSpecifierCase() == RouteMatch.PathSpecifierCase.PREFIX || m.getPathSpecifierCase() == RouteMatch.PathSpecifierCase.SAFE_REGEX) {
      return v.startsWith(under); // prefix /admin also takes /administrator: the reviewer wants it too
    }
    return v.equals(under) || v.startsWith(under.endsWith("/") ? under : under + "/");
  }

  /** Whether every request with a path in or under {@code P} matches, whatever its headers: later routes never see them. */
  public static boolean catchesAllUnder(RouteMatch m, String p) {
    if (m.getHeadersCount() > 0 || m.getQueryParametersCount() > 0 || m.hasGrpc() || m.hasRuntimeFraction()
        || m.getDynamicMetadataCount() > 0 || m.hasTlsContext() || m.getFilterStateCount() > 0) {
      return false;
    }
    boolean cs = !m.hasCaseSensitive() || m.getCaseSensitive().getValue();
    return switch (m.getPathSpecifierCase()) {
      case PREFIX -> p.startsWith(m.getPrefix()) || !cs && p.toLowerCase(Locale.ROOT).startsWith(m.getPrefix().toLowerCase(Locale.ROOT));
      case PATH_SEPARATED_PREFIX -> {
        String v = cs ? m.getPathSeparatedPrefix() : m.getPathSeparatedPrefix().toLowerCase(Locale.ROOT);
        String q = cs ? p : p.toLowerCase(Locale.ROOT);
        yield q.equals(v) || q.startsWith(v + "/");
      }
      default -> false;
    };
  }

  private static String fold(String s, boolean caseSensitive) {
    return caseSensitive ? s : s.toLowerCase(Locale.ROOT);
  }

  /** {@code path_separated_prefix /test-opa}, {@code prefix / + header x exact "1"}. */
  public static String describe(RouteMatch m) {
    StringBuilder b = new StringBuilder();
    String ci = m.hasCaseSensitive() && !m.getCaseSensitive().getValue() ? " (any case)" : "";
    switch (m.getPathSpecifierCase()) {
      case PREFIX -> b.append("prefix ").append(m.getPrefix()).append(ci);
      case PATH -> b.append("path ").append(m.getPath()).append(ci);
      case PATH_SEPARATED_PREFIX -> b.append("path_separated_prefix ").append(m.getPathSeparatedPrefix()).append(ci);
      case SAFE_REGEX -> b.append("regex ").append(m.getSafeRegex().getRegex());
      case CONNECT_MATCHER -> b.append("CONNECT");
      default -> b.append(m.getPathSpecifierCase().name().toLowerCase(Locale.ROOT));
    }
    m.getHeadersList().forEach(h -> b.append(" + ").append(HeaderMatching.describe(h)));
    m.getQueryParametersList().forEach(q -> b.append(" + ").append(HeaderMatching.describe(q)));
    if (m.hasGrpc()) {
      b.append(" + gRPC");
    }
    return b.toString();
  }
}

package dev.tollgate.translator.gateway;

import dev.tollgate.translator.ir.MatchIr;
import dev.tollgate.translator.ir.PathMatchIr;
import java.util.Comparator;
import java.util.Objects;

/**
 * The Gateway API's route precedence, for routes sharing a listener and hostname: exact paths,
 * then regular expressions, then prefixes, longer paths first; then routes with a method match,
 * more header matches, more query matches; ties go to the oldest route, then by namespace/name,
 * then by rule and match position. Written out by hand: it runs for every route on every
 * translation.
 */
public final class RoutePrecedence implements Comparator<RankedRoute> {

  public static final Comparator<RankedRoute> ORDER = new RoutePrecedence();

  private RoutePrecedence() {}

  @Override
  public int compare(RankedRoute a, RankedRoute b) {
    MatchIr x = a.route().match();
    MatchIr y = b.route().match();
    int c = Integer.compare(pathRank(x.path()), pathRank(y.path()));
    if (c != 0) {
      return c;
    }
    c = Integer.compare(y.path().value().length(), x.path().value().length());
    if (c != 0) {
      return c;
    }
    c = Boolean.compare(x.method() == null, y.method() == null);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(y.headers().size(), x.headers().size());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(y.queryParams().size(), x.queryParams().size());
    if (c != 0) {
      return c;
    }
    c = Objects.requireNonNullElse(a.creationTimestamp(), "").compareTo(Objects.requireNonNullElse(b.creationTimestamp(), ""));
    if (c != 0) {
      return c;
    }
    c = a.route().source().namespace().compareTo(b.route().source().namespace());
    if (c != 0) {
      return c;
    }
    c = a.route().source().name().compareTo(b.route().source().name());
    if (c != 0) {
      return c;
    }
    c = a.route().source().kind().compareTo(b.route().source().kind());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.ruleIndex(), b.ruleIndex());
    return c != 0 ? c : Integer.compare(a.matchIndex(), b.matchIndex());
  }

  private static int pathRank(PathMatchIr path) {
    return switch (path.type()) {
      case EXACT -> 0;
      case REGEX -> 1;
      case PATH_PREFIX, PREFIX -> 2;
    };
  }
}

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
 * translation. The match's criteria are compared as one number made beforehand.
 */
public final class RoutePrecedence implements Comparator<RankedRoute> {

  public static final Comparator<RankedRoute> ORDER = new RoutePrecedence();

  private RoutePrecedence() {}

  @Override
  public int compare(RankedRoute a, RankedRoute b) {
    int c = Long.compare(a.matchRank(), b.matchRank());
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

  /**
   * The match's criteria in one number, smaller first: path kind, then longer path, then a method
   * match, then more header matches, then more query matches. Made once per route, because the
   * sort compares every route many times on every translation. 2 + 31 + 1 + 14 + 14 bits: never
   * negative; the schema allows at most 16 header and 16 query matches.
   */
  static long matchRank(MatchIr m) {
    long rank = pathRank(m.path());
    rank = (rank << 31) | (Integer.MAX_VALUE - m.path().value().length());
    rank = (rank << 1) | (m.method() == null ? 1 : 0);
    rank = (rank << 14) | (0x3fff - Math.min(m.headers().size(), 0x3fff));
    return (rank << 14) | (0x3fff - Math.min(m.queryParams().size(), 0x3fff));
  }

  private static int pathRank(PathMatchIr path) {
    return switch (path.type()) {
      case EXACT -> 0;
      case REGEX -> 1;
      case PATH_PREFIX, PREFIX -> 2;
    };
  }
}

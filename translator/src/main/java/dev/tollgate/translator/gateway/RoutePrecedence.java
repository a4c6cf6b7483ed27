package dev.tollgate.translator.gateway;

import dev.tollgate.translator.ir.MatchIr;
import dev.tollgate.translator.ir.PathMatchIr;
import java.util.Comparator;
import java.util.Objects;

/**
 * The Gateway API's route precedence, for routes sharing a listener and hostname: exact paths,
 * then regular expressions, then prefixes, longer paths first; then routes with a method match,
 * more header matches, more query matches; ties go to the oldest route, then by namespace/name,
 * then by rule and match position.
 */
public final class RoutePrecedence {

  public static final Comparator<RankedRoute> ORDER =
      Comparator.<RankedRoute>comparingInt(r -> pathRank(match(r).path()))
          .thenComparing(r -> -match(r).path().value().length())
          .thenComparing(r -> match(r).method() == null ? 1 : 0)
          .thenComparing(r -> -match(r).headers().size())
          .thenComparing(r -> -match(r).queryParams().size())
          .thenComparing(r -> Objects.requireNonNullElse(r.creationTimestamp(), ""))
          .thenComparing(r -> r.route().source().namespace())
          .thenComparing(r -> r.route().source().name())
          .thenComparing(r -> r.route().source().kind())
          .thenComparingInt(RankedRoute::ruleIndex)
          .thenComparingInt(RankedRoute::matchIndex);

  private RoutePrecedence() {}

  private static MatchIr match(RankedRoute r) {
    return r.route().match();
  }

  private static int pathRank(PathMatchIr path) {
    return switch (path.type()) {
      case EXACT -> 0;
      case REGEX -> 1;
      case PATH_PREFIX, PREFIX -> 2;
    };
  }
}

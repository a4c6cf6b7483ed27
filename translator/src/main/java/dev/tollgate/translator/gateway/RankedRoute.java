package dev.tollgate.translator.gateway;

import dev.tollgate.translator.ir.RouteIr;

/**
 * An IR route with what the Gateway API's precedence rules look at beyond the match itself:
 * the route's age and name, then the rule's and the match's position.
 *
 * @param matchRank the match's criteria packed into one number, as {@link RoutePrecedence} orders them
 */
public record RankedRoute(RouteIr route, String creationTimestamp, int ruleIndex, int matchIndex, long matchRank) {

  public RankedRoute(RouteIr route, String creationTimestamp, int ruleIndex, int matchIndex) {
    this(route, creationTimestamp, ruleIndex, matchIndex, RoutePrecedence.matchRank(route.match()));
  }
}

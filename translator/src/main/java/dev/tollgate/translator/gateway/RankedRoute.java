package dev.tollgate.translator.gateway;

import dev.tollgate.translator.ir.RouteIr;

/**
 * An IR route with what the Gateway API's precedence rules look at beyond the match itself:
 * the route's age and name, then the rule's and the match's position.
 */
public record RankedRoute(RouteIr route, String creationTimestamp, int ruleIndex, int matchIndex) {}

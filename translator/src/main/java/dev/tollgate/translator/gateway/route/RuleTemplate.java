package dev.tollgate.translator.gateway.route;

import dev.tollgate.translator.ir.RouteIr;

/**
 * One match of one rule, translated once and stamped out for every listener and hostname the
 * route attaches to. The template's name and hostname are filled in then.
 *
 * @param rulePrefix {@code httproute/ns/name/rule/i}
 * @param matchIndex the match's index in the rule, -1 when the rule has none
 */
public record RuleTemplate(String rulePrefix, int ruleIndex, int matchIndex, RouteIr route) {}

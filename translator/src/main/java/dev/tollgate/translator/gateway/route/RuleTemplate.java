package dev.tollgate.translator.gateway.route;

import dev.tollgate.translator.ir.RouteIr;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One match of one rule, translated once and stamped out for every listener and hostname the
 * route attaches to. The template's name and hostname are filled in then.
 *
 * <p>Each stamp is made once and kept: a template reused by the next translation (its route
 * unchanged) gives the very same routes, so comparing a Gateway's representation with the
 * previous one costs a reference comparison per unchanged route.
 */
public final class RuleTemplate {

  private final String rulePrefix;
  private final int ruleIndex;
  private final int matchIndex;
  private final RouteIr route;
  private final Map<String, RouteIr> stamped = new ConcurrentHashMap<>();

  /**
   * @param rulePrefix {@code httproute/ns/name/rule/i}
   * @param matchIndex the match's index in the rule, -1 when the rule has none
   */
  public RuleTemplate(String rulePrefix, int ruleIndex, int matchIndex, RouteIr route) {
    this.rulePrefix = rulePrefix;
    this.ruleIndex = ruleIndex;
    this.matchIndex = matchIndex;
    this.route = route;
  }

  public String rulePrefix() {
    return rulePrefix;
  }

  public int ruleIndex() {
    return ruleIndex;
  }

  public int matchIndex() {
    return matchIndex;
  }

  public RouteIr route() {
    return route;
  }

  /** The route named and placed on one hostname; the same instance every time it is asked for. */
  public RouteIr at(String name, String hostname) {
    return stamped.computeIfAbsent(name + '\n' + hostname, k -> route.at(name, hostname));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleTemplate t && ruleIndex == t.ruleIndex && matchIndex == t.matchIndex
        && rulePrefix.equals(t.rulePrefix) && route.equals(t.route);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rulePrefix, ruleIndex, matchIndex, route);
  }

  @Override
  public String toString() {
    return "RuleTemplate[" + rulePrefix + ", " + ruleIndex + ", " + matchIndex + "]";
  }
}

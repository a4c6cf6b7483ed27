package dev.tollgate.translator.gateway.policy;

import dev.tollgate.translator.gateway.route.RouteView;
import dev.tollgate.translator.model.ObjectKey;

/**
 * Something a policy applies to, at one of four levels. A narrower level overrides a wider one
 * on the routes both cover.
 *
 * @param object the Gateway or route
 * @param section the listener (GATEWAY level with a section: LISTENER) or rule name, or null
 * @param ruleIndex for RULE: the index of the named rule
 * @param route for ROUTE and RULE: the route, for its parents and rules
 */
public record PolicyTarget(Level level, ObjectKey object, String section, int ruleIndex, RouteView route) {

  /** From the most specific to the least. */
  public enum Level {
    RULE,
    ROUTE,
    LISTENER,
    GATEWAY
  }

  public static PolicyTarget gateway(ObjectKey gateway, String listener) {
    return new PolicyTarget(listener == null ? Level.GATEWAY : Level.LISTENER, gateway, listener, -1, null);
  }

  public static PolicyTarget route(RouteView route, String rule, int ruleIndex) {
    return new PolicyTarget(rule == null ? Level.ROUTE : Level.RULE, route.key(), rule, rule == null ? -1 : ruleIndex, route);
  }

  /** What identifies the target for conflicts: two policies with equal ids compete. */
  public String id() {
    return level + " " + object + (section == null ? "" : "/" + section);
  }

  @Override
  public String toString() {
    return switch (level) {
      case GATEWAY -> "Gateway " + object.namespacedName();
      case LISTENER -> "listener " + section + " of Gateway " + object.namespacedName();
      case ROUTE -> object.kind() + " " + object.namespacedName();
      case RULE -> "rule " + section + " of " + object.kind() + " " + object.namespacedName();
    };
  }
}

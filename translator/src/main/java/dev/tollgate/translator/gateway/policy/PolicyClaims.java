package dev.tollgate.translator.gateway.policy;

import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.naming.XdsNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which policy holds each target, first come first served, indexed for the lookups a route needs:
 * the rule it came from, its route, its listener and its Gateway, from the most specific to the
 * least, as Envoy Gateway's policies attach.
 *
 * @param <P> the policy type
 */
public final class PolicyClaims<P> {

  /** A target held by a policy. */
  public record Claim<P>(PolicyTarget target, P policy) {}

  /** The claims that bear on one route, any of which may be null. */
  public record ForRoute<P>(Claim<P> rule, Claim<P> route, Claim<P> listener, Claim<P> gateway) {
    /** The most specific claim, which applies alone; null when nothing targets the route. */
    public Claim<P> chosen() {
      Claim<P> narrow = rule != null ? rule : route;
      return narrow != null ? narrow : listener != null ? listener : gateway;
    }
  }

  private final Map<String, Claim<P>> byId = new HashMap<>();
  private final Map<ObjectKey, List<Claim<P>>> rules = new HashMap<>();
  private final Map<ObjectKey, Claim<P>> routes = new HashMap<>();
  private final Map<String, Claim<P>> listeners = new HashMap<>();
  private final Map<ObjectKey, Claim<P>> gateways = new HashMap<>();

  /** Claims a target for a policy unless another holds it already; returns the holder. */
  public Claim<P> claim(PolicyTarget t, P policy) {
    Claim<P> held = byId.get(t.id());
    if (held != null) {
      return held;
    }
    Claim<P> c = new Claim<>(t, policy);
    byId.put(t.id(), c);
    switch (t.level()) {
      case RULE -> rules.computeIfAbsent(t.object(), k -> new ArrayList<>()).add(c);
      case ROUTE -> routes.put(t.object(), c);
      case LISTENER -> listeners.put(XdsNames.listener(t.object().namespace(), t.object().name(), t.section()), c);
      case GATEWAY -> gateways.put(t.object(), c);
    }
    return c;
  }

  public boolean isEmpty() {
    return byId.isEmpty();
  }

  /** The claims on a route of a listener of a Gateway. */
  public ForRoute<P> forRoute(GatewayIr gateway, HttpListenerIr listener, RouteIr route) {
    return new ForRoute<>(rule(route), routes.get(route.source()), listeners.get(listener.name()),
        gateways.get(gateway.source()));
  }

  private Claim<P> rule(RouteIr route) {
    for (Claim<P> c : rules.getOrDefault(route.source(), List.of())) {
      ObjectKey k = c.target().object();
      if (XdsNames.isRouteOfRule(route.name(), k.kind(), k.namespace(), k.name(), c.target().ruleIndex())) {
        return c;
      }
    }
    return null;
  }
}

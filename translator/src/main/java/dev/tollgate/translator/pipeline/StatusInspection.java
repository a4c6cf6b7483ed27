package dev.tollgate.translator.pipeline;

import dev.tollgate.translator.model.gatewayapi.ParentReference;
import dev.tollgate.translator.status.BackendStatus;
import dev.tollgate.translator.status.Condition;
import dev.tollgate.translator.status.EnvoyProxyStatus;
import dev.tollgate.translator.status.GatewayClassStatus;
import dev.tollgate.translator.status.GatewayStatus;
import dev.tollgate.translator.status.ObjectStatus;
import dev.tollgate.translator.status.PolicyStatus;
import dev.tollgate.translator.status.RouteStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads out of every status shape (class, gateway and listener, route parent, policy or EnvoyProxy ancestor) what is not in effect. */
final class StatusInspection {

  private static final Set<String> MUST_BE_TRUE = Set.of("Accepted", "ResolvedRefs", "Programmed");
  private static final Set<String> MUST_BE_FALSE = Set.of("Conflicted", "PartiallyInvalid");

  private StatusInspection() {}

  /** Every condition of the status that says something is not in effect, each once. */
  static List<StatusFinding> findings(ObjectStatus status) {
    Set<StatusFinding> out = new LinkedHashSet<>();
    Object s = status.status();
    if (s instanceof GatewayClassStatus c) {
      add(status, "", c.conditions(), out);
    } else if (s instanceof BackendStatus b) {
      add(status, "", b.conditions(), out);
    } else if (s instanceof GatewayStatus g) {
      add(status, "", g.conditions(), out);
      g.listeners().forEach(l -> add(status, "listener " + l.name(), l.conditions(), out));
    } else if (s instanceof RouteStatus r) {
      r.parents().forEach(p -> add(status, "parent " + shown(p.parentRef()), p.conditions(), out));
    } else if (s instanceof PolicyStatus p) {
      p.ancestors().forEach(a -> add(status, "ancestor " + shown(a.ancestorRef()), a.conditions(), out));
    } else if (s instanceof EnvoyProxyStatus e) {
      e.ancestors().forEach(a -> add(status, "ancestor " + shown(a.ancestorRef()), a.conditions(), out));
    }
    return new ArrayList<>(out);
  }

  private static void add(ObjectStatus status, String where, List<Condition> conditions, Set<StatusFinding> out) {
    for (Condition c : conditions) {
      boolean bad = (MUST_BE_TRUE.contains(c.type()) && "False".equals(c.status()))
          || (MUST_BE_FALSE.contains(c.type()) && "True".equals(c.status()));
      if (bad) {
        out.add(new StatusFinding(status.key(), where, c.type(), c.status(), c.reason(), c.message()));
      }
    }
  }

  private static String shown(ParentReference ref) {
    String kind = ref.kind() == null ? "Gateway" : ref.kind();
    String namespace = ref.namespace() == null || ref.namespace().isEmpty() ? "" : ref.namespace() + "/";
    String section = ref.sectionName() == null ? "" : " section " + ref.sectionName();
    return kind + " " + namespace + ref.name() + section;
  }
}

package dev.tollgate.review.diff;

import dev.tollgate.review.explain.RouteTable;
import dev.tollgate.review.routes.GatewayConfig;
import dev.tollgate.review.routes.NameSources;
import dev.tollgate.review.routes.Protection;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classed changes of a diff, from each route's protections on both sides (read by the same
 * code as {@code explain --routes}): a route that loses a protection, or whose protection stops
 * failing closed, or a new route without a protection every other route of its virtual host has,
 * or a route that answered by itself and now forwards unguarded, or a route that newly forwards to
 * a backend without a protection every other route to it has ({@link BackendExposure})
 * ({@code authorization-weakened}); a route gone ({@code route-removed}) or new ({@code route-added});
 * a status that got worse ({@code status-regressed}).
 */
final class SafetyFindings {

  private SafetyFindings() {}

  static List<DiffReport.Finding> find(TranslationResult base, TranslationResult head, List<DiffReport.StatusChange> statuses,
      Map<ObjectKey, DiffReport.InputChange> inputs) {
    List<DiffReport.Finding> out = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(base.gateways().keySet());
    names.addAll(head.gateways().keySet());
    Map<String, Map<String, RouteTable.Row>> beforeAll = new LinkedHashMap<>();
    Map<String, Map<String, RouteTable.Row>> afterAll = new LinkedHashMap<>();
    for (String g : names) {
      beforeAll.put(g, rows(base.gateways().get(g)));
      afterAll.put(g, rows(head.gateways().get(g)));
    }
    for (String g : names) {
      Map<String, RouteTable.Row> before = beforeAll.get(g);
      Map<String, RouteTable.Row> after = afterAll.get(g);
      for (Map.Entry<String, RouteTable.Row> e : before.entrySet()) {
        RouteTable.Row was = e.getValue();
        RouteTable.Row now = after.get(e.getKey());
        if (now == null) {
          out.add(new DiffReport.Finding("route-removed", g, was.route(), "the route is gone", because(was, null, inputs, base, head)));
          continue;
        }
        List<String> lost = weakened(was, now, after.values());
        if (!lost.isEmpty()) {
          out.add(new DiffReport.Finding("authorization-weakened", g, was.route(), String.join("; ", lost), because(was, now, inputs, base, head)));
        }
      }
      for (Map.Entry<String, RouteTable.Row> e : after.entrySet()) {
        if (before.containsKey(e.getKey())) {
          continue;
        }
        RouteTable.Row row = e.getValue();
        out.add(new DiffReport.Finding("route-added", g, row.route(), "a new route", because(null, row, inputs, base, head)));
        Set<Protection> missing = row.forwards() ? missingAgainstNeighbours(row, after.values()) : Set.of();
        if (!missing.isEmpty()) {
          out.add(new DiffReport.Finding("authorization-weakened", g, row.route(), "a new route without " + lacking(row, missing),
              because(null, row, inputs, base, head)));
        }
      }
    }
    for (BackendExposure.Exposure e : BackendExposure.find(beforeAll, afterAll)) {
      RouteTable.Row row = e.row();
      RouteTable.Row was = beforeAll.get(row.gateway()).get(row.context().key());
      out.add(new DiffReport.Finding("authorization-weakened", row.gateway(), row.route(), "now forwards to " + String.join("; ", e.details()),
          because(was, row, inputs, base, head)));
    }
    for (DiffReport.StatusChange s : statuses) {
      if (s.regressed()) {
        out.add(new DiffReport.Finding("status-regressed", null, null, s.object() + ": a condition got worse", List.of()));
      }
    }
    return out;
  }

  private static Map<String, RouteTable.Row> rows(GatewayXds xds) {
    Map<String, RouteTable.Row> out = new LinkedHashMap<>();
    if (xds != null) {
      RouteTable.rows(new GatewayConfig(xds)).forEach(r -> out.put(r.context().key(), r));
    }
    return out;
  }

  /** {@code answered 500}, {@code redirected 301}: what a route's action was. */
  private static String past(String action) {
    return action.replace("answers", "answered").replace("redirect", "redirected").replace("no forwarding", "forwarded nothing");
  }

  private static String lacking(RouteTable.Row row, Set<Protection> missing) {
    return String.join(", ", missing.stream().map(Protection::id).toList()) + ", which every other route of virtual host "
        + row.context().virtualHost().getName() + " has";
  }

  /**
   * What the route lost: a protection, or failing closed. A route that stops forwarding loses
   * nothing (it exposes nothing now); one that starts to forward after answering by itself is
   * weakened when it refused requests before (a 500 for a refused policy, say) and now has no
   * authentication or authorization, or when it lacks what its neighbours have.
   */
  private static List<String> weakened(RouteTable.Row was, RouteTable.Row now, java.util.Collection<RouteTable.Row> neighbours) {
    List<String> out = new ArrayList<>();
    if (!now.forwards()) {
      return out;
    }
    if (!was.forwards()) {
      boolean refused = was.context().route().hasDirectResponse() && was.context().route().getDirectResponse().getStatus() >= 400;
      if (refused && now.guards().isEmpty()) {
        out.add("now forwards requests without authentication or authorization; it " + past(was.action()) + " before");
      } else {
        Set<Protection> missing = missingAgainstNeighbours(now, neighbours);
        if (!missing.isEmpty()) {
          out.add("now forwards requests (it " + past(was.action()) + " before) without " + lacking(now, missing));
        }
      }
      return out;
    }
    for (Protection p : kinds(was)) {
      if (p.category() == Protection.Category.EXTENSION) {
        continue; // an extension may protect or not: its removal is a config change, not classed
      }
      boolean closedBefore = was.protections().stream().anyMatch(a -> a.protection() == p && a.failClosed());
      boolean closedNow = now.protections().stream().anyMatch(a -> a.protection() == p && a.failClosed());
      if (!now.has(p)) {
        out.add("loses " + p.id());
      } else if (closedBefore && !closedNow) {
        out.add(p.id() + (p == Protection.JWT ? " no longer requires a token" : " now fails open"));
      }
    }
    return out;
  }

  private static Set<Protection> kinds(RouteTable.Row row) {
    Set<Protection> out = EnumSet.noneOf(Protection.class);
    row.protections().forEach(a -> out.add(a.protection()));
    return out;
  }

  /** The authentication and authorization every other forwarding route of the row's virtual host has and it lacks. */
  private static Set<Protection> missingAgainstNeighbours(RouteTable.Row row, java.util.Collection<RouteTable.Row> all) {
    Set<Protection> missing = guardsOfAllOther(row, all,
        other -> other.context().routeConfiguration().getName().equals(row.context().routeConfiguration().getName())
            && other.context().virtualHost().getName().equals(row.context().virtualHost().getName()));
    missing.removeAll(row.guards());
    return missing;
  }

  /**
   * The authentication and authorization every forwarding route among {@code all} that is not
   * {@code row} and is one of its {@code peers} has; empty when there is no such route.
   */
  static Set<Protection> guardsOfAllOther(RouteTable.Row row, java.util.Collection<RouteTable.Row> all,
      java.util.function.Predicate<RouteTable.Row> peers) {
    Set<Protection> common = null;
    for (RouteTable.Row other : all) {
      if (other == row || !other.forwards() || !peers.test(other)) {
        continue;
      }
      if (common == null) {
        common = other.guards();
      } else {
        common.retainAll(other.guards());
      }
    }
    return common == null ? EnumSet.noneOf(Protection.class) : common;
  }

  /**
   * The changed inputs among the objects the route and its protections come from, on either side;
   * failing those, the changed policies among its route configuration's sources (a policy that
   * was refused when read protects nothing, so the route does not name it, but its configuration
   * still comes from it).
   */
  private static List<String> because(RouteTable.Row was, RouteTable.Row now, Map<ObjectKey, DiffReport.InputChange> inputs,
      TranslationResult base, TranslationResult head) {
    List<String> direct = because(was, now, inputs);
    if (!direct.isEmpty()) {
      return direct;
    }
    Set<ObjectKey> policies = new TreeSet<>();
    for (RouteTable.Row r : new RouteTable.Row[] {was, now}) {
      GatewayXds xds = r == null ? null : (r == was ? base : head).gateways().get(r.gateway());
      if (xds != null) {
        xds.sources(XdsType.ROUTE, r.context().routeConfiguration().getName()).stream()
            .filter(k -> k.kind().endsWith("Policy")).forEach(policies::add);
      }
    }
    return ConfigDiff.because(policies, inputs, (was != null ? was : now).route());
  }

  private static List<String> because(RouteTable.Row was, RouteTable.Row now, Map<ObjectKey, DiffReport.InputChange> inputs) {
    Set<ObjectKey> keys = new TreeSet<>();
    for (RouteTable.Row r : new RouteTable.Row[] {was, now}) {
      if (r == null) {
        continue;
      }
      for (String f : r.from()) {
        inputs.keySet().stream().filter(k -> k.toString().equals(f)).forEach(keys::add);
      }
      NameSources.of(r.route()).ifPresent(keys::add);
    }
    return ConfigDiff.because(keys, inputs, (was != null ? was : now).route());
  }
}

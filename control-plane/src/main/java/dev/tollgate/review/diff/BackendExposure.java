package dev.tollgate.review.diff;

import dev.tollgate.review.explain.RouteTable;
import dev.tollgate.review.routes.Protection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A route that starts to forward to a backend (new, or newly pointed at it) without a protection
 * every other route to that backend has: the bypass a new hostname or path opens to a guarded
 * Service, which the per-virtual-host comparison cannot see because the new route has no neighbours.
 */
final class BackendExposure {

  private BackendExposure() {}

  /** What one route lacks, per backend it newly reaches: {@code Service default/admin: jwt, ext_authz}. */
  record Exposure(RouteTable.Row row, List<String> details) {}

  /**
   * @param before every route of the base, by Gateway then route key
   * @param after every route of the head, likewise
   */
  static List<Exposure> find(Map<String, Map<String, RouteTable.Row>> before, Map<String, Map<String, RouteTable.Row>> after) {
    List<RouteTable.Row> all = new ArrayList<>();
    after.values().forEach(rows -> all.addAll(rows.values()));
    List<Exposure> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, RouteTable.Row>> g : after.entrySet()) {
      Map<String, RouteTable.Row> was = before.getOrDefault(g.getKey(), Map.of());
      for (RouteTable.Row row : g.getValue().values()) {
        if (!row.forwards()) {
          continue;
        }
        RouteTable.Row old = was.get(row.context().key());
        Set<String> reached = new TreeSet<>(row.backends());
        if (old != null && old.forwards()) {
          reached.removeAll(old.backends());
        }
        List<String> details = new ArrayList<>();
        for (String backend : reached) {
          Set<Protection> missing = SafetyFindings.guardsOfAllOther(row, all, other -> other.backends().contains(backend));
          missing.removeAll(row.guards());
          if (!missing.isEmpty()) {
            details.add(backend + " without " + String.join(", ", missing.stream().map(Protection::id).toList())
                + ", which every other route to it has");
          }
        }
        if (!details.isEmpty()) {
          out.add(new Exposure(row, details));
        }
      }
    }
    return out;
  }
}

package dev.tollgate.review.explain;

import dev.tollgate.review.routes.Endpoints;
import dev.tollgate.review.routes.FilterStep;
import dev.tollgate.review.routes.Protection;
import java.util.List;

/** The human forms of {@code explain}: one request's path through the configuration, and the route table. */
public final class ExplainText {

  private ExplainText() {}

  private static final String LABEL = "%-10s %s%n";

  public static String render(Explanation e) {
    StringBuilder b = new StringBuilder();
    b.append(e.request()).append("  (Gateway ").append(e.gateway()).append(")\n");
    if (e.listener() != null) {
      var l = e.listener();
      b.append(String.format(LABEL, "listener", l.name() + " on " + l.address()
          + (l.filterChain() == null ? "" : ", " + l.filterChain())
          + (l.connectionManager() == null ? "" : ", " + l.connectionManager())
          + (l.routeConfiguration() == null ? "" : ", routes " + l.routeConfiguration())));
    }
    if (e.path() != null) {
      b.append(String.format(LABEL, "path", e.path().routed() + (e.path().routed().equals(e.path().sent()) ? "" : " (sent " + e.path().sent() + ")")
          + (e.path().note() == null ? "" : ": " + e.path().note())));
    }
    if (e.virtualHost() != null) {
      var h = e.virtualHost();
      b.append(String.format(LABEL, "host", h.host() + " → virtual host " + h.name() + " (domain " + h.domain() + ")"));
    }
    if (e.routesTried() != null) {
      b.append("routes tried, first match wins:\n");
      for (Explanation.Tried t : e.routesTried()) {
        b.append(t.matched() ? "  ✓ " : "  ✗ ").append(t.route()).append("  ").append(t.match())
            .append(t.matched() ? "" : ": " + t.reason()).append('\n');
      }
      if (e.routesTried().isEmpty()) {
        b.append("  (the virtual host has no routes)\n");
      }
    }
    if (e.route() != null) {
      b.append(String.format(LABEL, "route", e.route().name() + from(e.route().from())));
    }
    if (e.filters() != null) {
      b.append("HTTP filters, in order:\n");
      int i = 1;
      for (FilterStep f : e.filters()) {
        b.append(String.format("  %d. %s  %s: %s%s%n", i++, f.name(), f.runs() ? "runs" : "skipped", f.reason(), from(f.from())));
        if (!f.runs()) {
          continue;
        }
        for (String d : f.details()) {
          b.append("       ").append(d).append('\n');
        }
        if (f.decision() != null) {
          b.append("       → ").append(f.decision().verdict())
              .append(f.decision().status() == null ? "" : " (" + f.decision().status() + ")")
              .append(": ").append(f.decision().why()).append('\n');
        }
      }
    }
    if (e.action() != null) {
      for (String d : e.action().details()) {
        b.append(String.format(LABEL, "action", d));
      }
      for (Explanation.Backend be : e.action().backends()) {
        Endpoints c = be.cluster();
        b.append(String.format(LABEL, "backend", "cluster " + c.cluster() + (be.weight() == null ? "" : " weight " + be.weight())
            + (c.type() == null ? "" : " (" + c.type() + ", " + c.lbPolicy() + ")")));
        for (Endpoints.Endpoint ep : c.endpoints()) {
          b.append(String.format(LABEL, "", "  " + ep.address() + " weight " + ep.weight() + " " + ep.health()
              + (ep.locality() == null ? "" : "  (locality " + ep.locality() + ")")));
        }
        if (c.note() != null) {
          b.append(String.format(LABEL, "", "  " + c.note()));
        }
      }
    }
    b.append(String.format(LABEL, "outcome", e.outcome()));
    if (!e.from().isEmpty()) {
      b.append(String.format(LABEL, "from", String.join(", ", e.from())));
    }
    return b.toString();
  }

  private static String from(List<String> from) {
    return from.isEmpty() ? "" : "  [" + String.join(", ", from) + "]";
  }

  /** A column per protection category; {@code -} where a route has none of it. */
  public static String table(List<RouteTable.Row> rows) {
    String[] head = {"GATEWAY", "ROUTE", "DOMAINS", "MATCH", "ACTION", "AUTHENTICATION", "AUTHORIZATION", "EXTENSIONS"};
    List<String[]> cells = new java.util.ArrayList<>();
    cells.add(head);
    for (RouteTable.Row r : rows) {
      cells.add(new String[] {r.gateway(), r.route(), String.join(",", r.domains()), r.match(), r.action(),
          labels(r, Protection.Category.AUTHENTICATION), labels(r, Protection.Category.AUTHORIZATION), labels(r, Protection.Category.EXTENSION)});
    }
    int[] width = new int[head.length];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + (width[i] + 2) + "s", row[i]));
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }

  private static String labels(RouteTable.Row r, Protection.Category c) {
    List<RouteTable.Applied> a = r.of(c);
    return a.isEmpty() ? "-" : String.join(",", a.stream().map(RouteTable.Applied::label).toList());
  }

  public static String assertions(List<ProtectionAssertion.Result> results) {
    StringBuilder b = new StringBuilder();
    for (ProtectionAssertion.Result r : results) {
      b.append(r.passed() ? "PASS " : "FAIL ").append(r.assertion()).append("  (")
          .append(r.routes()).append(r.routes() == 1 ? " route" : " routes").append(r.routes() == 0 ? ": matches no route" + (r.passed() ? "" : "; --allow-empty accepts that") : "").append(")\n");
      for (ProtectionAssertion.Violation v : r.violations()) {
        b.append("  ").append(v.gateway()).append(' ').append(v.route()).append(": ").append(v.problem()).append('\n');
      }
    }
    return b.toString();
  }
}

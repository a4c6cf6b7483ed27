package dev.tollgate.review.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code diff}'s output for people: classed findings first, then each Gateway's resources (a line
 * per field that changed, {@code -} before and {@code +} after, with the input changes that caused
 * it), then statuses. Coloured when asked to (a terminal).
 */
public final class DiffText {

  private static final int MAX_VALUE = 160;
  private static final int MAX_MOVES = 5;

  private final boolean colour;
  private final StringBuilder b = new StringBuilder();

  private DiffText(boolean colour) {
    this.colour = colour;
  }

  public static String render(DiffReport report, boolean colour) {
    if (report.empty()) {
      return "";
    }
    DiffText t = new DiffText(colour);
    t.findings(report.findings());
    for (DiffReport.GatewayChange g : report.gateways()) {
      t.gateway(g);
    }
    if (!report.statuses().isEmpty()) {
      t.b.append(t.bold("statuses")).append('\n');
      for (DiffReport.StatusChange s : report.statuses()) {
        t.b.append(t.marker(s.change())).append(' ').append(s.object()).append(s.regressed() ? t.red("  (regressed)") : "").append('\n');
        s.fields().forEach(t::field);
      }
    }
    return t.b.toString();
  }

  private void findings(List<DiffReport.Finding> findings) {
    for (DiffReport.Finding f : findings) {
      String where = f.gateway() == null ? "" : "Gateway " + f.gateway() + " route " + f.route() + ": ";
      String cls = f.kind().equals("authorization-weakened") || f.kind().equals("status-regressed") ? red(f.kind()) : yellow(f.kind());
      b.append(cls).append("  ").append(where).append(f.detail()).append('\n');
      f.because().forEach(x -> b.append("    because ").append(x).append('\n'));
    }
    if (!findings.isEmpty()) {
      b.append('\n');
    }
  }

  private void gateway(DiffReport.GatewayChange g) {
    b.append(bold("Gateway " + g.gateway() + (g.change().equals("changed") ? "" : " (" + g.change() + ")"))).append('\n');
    for (DiffReport.ResourceChange r : g.resources()) {
      b.append(marker(r.change())).append(' ').append(r.type()).append(' ').append(r.name()).append('\n');
      r.because().forEach(x -> b.append("    because ").append(x).append('\n'));
      r.fields().forEach(this::field);
    }
  }

  private void field(TreeDiff.Change c) {
    String path = c.path().isEmpty() ? "(whole)" : c.path();
    switch (c.kind()) {
      case "added" -> b.append(green("    + " + path + ": " + value(c.after()))).append('\n');
      case "removed" -> b.append(red("    - " + path + ": " + value(c.before()))).append('\n');
      case "moved" -> b.append(yellow("    ~ " + path + " reordered: " + moves(c))).append('\n');
      default -> {
        b.append(red("    - " + path + ": " + value(c.before()))).append('\n');
        b.append(green("    + " + path + ": " + value(c.after()))).append('\n');
      }
    }
  }

  /** {@code a moved from 3 to 0; b moved from 0 to 2}, the first few of them. */
  private static String moves(TreeDiff.Change c) {
    List<String> each = new java.util.ArrayList<>();
    c.before().fieldNames().forEachRemaining(name -> each.add(name + " moved from " + c.before().get(name).asInt()
        + " to " + c.after().get(name).asInt()));
    int shown = Math.min(MAX_MOVES, each.size());
    return String.join("; ", each.subList(0, shown)) + (each.size() > shown ? "; and " + (each.size() - shown) + " more" : "");
  }

  private static String value(JsonNode n) {
    String s = n == null ? "null" : n.toString();
    return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE - 3) + "...";
  }

  private String marker(String change) {
    return switch (change) {
      case "added" -> green("+");
      case "removed" -> red("-");
      default -> yellow("~");
    };
  }

  private String red(String s) {
    return colour ? "\u001b[31m" + s + "\u001b[0m" : s;
  }

  private String green(String s) {
    return colour ? "\u001b[32m" + s + "\u001b[0m" : s;
  }

  private String yellow(String s) {
    return colour ? "\u001b[33m" + s + "\u001b[0m" : s;
  }

  private String bold(String s) {
    return colour ? "\u001b[1m" + s + "\u001b[0m" : s;
  }
}

package dev.tollgate.review.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.review.envoy.RouteMatching;
import dev.tollgate.review.routes.FilterReadings;
import dev.tollgate.review.routes.FilterStep;
import dev.tollgate.review.routes.GatewayConfig;
import dev.tollgate.review.routes.NameSources;
import dev.tollgate.review.routes.Protection;
import dev.tollgate.review.routes.RouteContext;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import java.util.ArrayList;
import java.util.List;

/** Every route of a Gateway with the protections that apply to it: {@code explain --routes}. */
public final class RouteTable {

  private RouteTable() {}

  /** A protection on a route: which filter gives it and whether it fails closed. */
  public record Applied(Protection protection, String filter, boolean failClosed) {
    /** {@code ext_authz}, or {@code ext_authz(fail-open)}. */
    public String label() {
      return protection.id() + (failClosed ? "" : protection == Protection.JWT ? "(optional)" : "(fail-open)");
    }
  }

  @JsonPropertyOrder({"gateway", "listener", "route", "domains", "match", "action", "backends", "protections", "from"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Row(String gateway, String listener, String route, List<String> domains, String match, String action,
      List<String> backends, List<Applied> protections, List<String> from,
      @com.fasterxml.jackson.annotation.JsonIgnore RouteContext context) {

    /**
     * Whether the route sends requests on to a backend. One that redirects or answers by itself
     * (a direct response, such as the 500 of a route whose policy was refused) exposes nothing
     * behind it, so it needs no protection.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean forwards() {
      return context.route().hasRoute();
    }

    public List<Applied> of(Protection.Category category) {
      return protections.stream().filter(a -> a.protection().category() == category).toList();
    }

    public boolean has(Protection p) {
      return protections.stream().anyMatch(a -> a.protection() == p);
    }

    /** The route's authentication and authorization (its extensions left out: they may guard or not). */
    public java.util.Set<Protection> guards() {
      java.util.Set<Protection> out = java.util.EnumSet.noneOf(Protection.class);
      protections.stream().map(Applied::protection).filter(p -> p.category() != Protection.Category.EXTENSION).forEach(out::add);
      return out;
    }
  }

  /** {@code forward}, {@code redirect 301} or {@code answers 500}: what the route does with a request it takes. */
  static String action(Route route) {
    if (route.hasRoute()) {
      return "forward";
    }
    if (route.hasRedirect()) {
      return "redirect " + RouteActions.code(route.getRedirect().getResponseCode());
    }
    if (route.hasDirectResponse()) {
      return "answers " + route.getDirectResponse().getStatus();
    }
    return "no forwarding";
  }

  /**
   * The objects a route forwards to ({@code Service default/backend}, {@code Backend ns/b}): the
   * sources of its clusters other than routes and policies. Mirrors count: they receive the requests too.
   */
  static List<String> backends(GatewayConfig config, Route route) {
    if (!route.hasRoute()) {
      return List.of();
    }
    List<String> clusters = new ArrayList<>();
    RouteAction a = route.getRoute();
    if (a.hasWeightedClusters()) {
      a.getWeightedClusters().getClustersList().forEach(w -> clusters.add(w.getName()));
    } else if (!a.getCluster().isEmpty()) {
      clusters.add(a.getCluster());
    }
    a.getRequestMirrorPoliciesList().forEach(m -> clusters.add(m.getCluster()));
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    for (String c : clusters) {
      config.sources(XdsType.CLUSTER, c).stream().filter(k -> !k.kind().endsWith("Route") && !k.kind().endsWith("Policy"))
          .forEach(k -> out.add(k.toString()));
    }
    return List.copyOf(out);
  }

  public static List<Row> rows(GatewayConfig config) {
    List<Row> out = new ArrayList<>();
    for (RouteContext ctx : config.routes()) {
      List<Applied> applied = new ArrayList<>();
      java.util.TreeSet<String> from = new java.util.TreeSet<>();
      NameSources.of(ctx.route().getName()).ifPresent(k -> from.add(k.toString()));
      for (FilterStep s : FilterReadings.read(config, ctx, null)) {
        if (s.runs() && s.protection() != null) {
          applied.add(new Applied(s.protection(), s.name(), Boolean.TRUE.equals(s.failClosed())));
          from.addAll(s.from());
        }
      }
      out.add(new Row(config.gateway(), ctx.listener().getName(), ctx.name(), ctx.domains(),
          RouteMatching.describe(ctx.route().getMatch()), action(ctx.route()), backends(config, ctx.route()), List.copyOf(applied),
          List.copyOf(from), ctx));
    }
    return out;
  }
}

package dev.tollgate.review.explain;

import dev.tollgate.review.envoy.HttpRequest;
import dev.tollgate.review.envoy.Listeners;
import dev.tollgate.review.envoy.PathNormalization;
import dev.tollgate.review.envoy.RouteMatching;
import dev.tollgate.review.envoy.VirtualHosts;
import dev.tollgate.review.routes.Endpoints;
import dev.tollgate.review.routes.FilterReadings;
import dev.tollgate.review.routes.FilterStep;
import dev.tollgate.review.routes.GatewayConfig;
import dev.tollgate.review.routes.NameSources;
import dev.tollgate.review.routes.RouteContext;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Follows a request through a Gateway's generated configuration as Envoy would: listener and
 * filter chain, path normalization, virtual host, the first matching route (and why each one
 * tried before it did not match), the HTTP filters, and what the route does with the request.
 * Everything is read from the configuration; the input objects are named from its names and the
 * resources' sources.
 */
public final class Explainer {

  private Explainer() {}

  public static Explanation explain(GatewayConfig config, HttpRequest request) {
    String req = request.toString();
    Optional<Listener> listener = Listeners.listener(config.listeners(), request.port());
    if (listener.isEmpty()) {
      return failed(config, req, null, "no listener on port " + request.port() + ": the connection is refused");
    }
    boolean tls = request.scheme().equals("https");
    Optional<Listeners.Entry> entry = Listeners.chain(listener.get(), request.port(), tls ? request.host() : null);
    if (entry.isEmpty()) {
      return failed(config, req, listenerStep(listener.get(), null, null, null),
          "no filter chain of " + listener.get().getName() + " takes " + (tls ? "a TLS connection for " + request.host() : "a plain-text connection")
              + ": Envoy closes it");
    }
    HttpConnectionManager hcm = entry.get().hcm();
    String chainName = entry.get().chain().getName().isEmpty() ? (entry.get().defaultChain() ? "default filter chain" : "filter chain")
        : entry.get().chain().getName() + (entry.get().defaultChain() ? " (default)" : "");
    if (hcm == null) {
      return failed(config, req, listenerStep(listener.get(), chainName, null, null),
          "the filter chain is not HTTP (" + String.join(", ", entry.get().chain().getFiltersList().stream().map(f -> f.getName()).toList())
              + "): the request is not routed");
    }
    Optional<RouteConfiguration> rc = config.routeConfiguration(hcm);
    String rcName = hcm.hasRds() ? hcm.getRds().getRouteConfigName() : "(inline)";
    Explanation.ListenerStep ls = listenerStep(listener.get(), chainName, hcm.getStatPrefix(), rcName);
    if (rc.isEmpty()) {
      return failed(config, req, ls, "route configuration " + rcName + " is missing: Envoy waits for it");
    }
    PathNormalization.Outcome normalized = PathNormalization.apply(hcm, request.path());
    Explanation.PathStep ps = new Explanation.PathStep(request.path(), normalized.path(), normalized.rejected()
        ? "escaped slashes: Envoy answers 400" : normalized.redirectTo() != null ? "escaped slashes: Envoy redirects to " + normalized.redirectTo()
        : normalized.changed() ? "normalized by the connection manager" : null);
    if (normalized.rejected() || normalized.redirectTo() != null) {
      return new Explanation(config.gateway(), req, ls, ps, null, null, null, null, null,
          normalized.rejected() ? "400: the path has escaped slashes" : "redirected to " + normalized.redirectTo() + " before routing", List.of());
    }
    HttpRequest routed = request.withPath(normalized.path());
    Optional<VirtualHosts.Selection> vh = VirtualHosts.select(rc.get(), request.authority());
    if (vh.isEmpty()) {
      RouteContext none = new RouteContext(listener.get(), entry.get().chain(), hcm, rc.get(), VirtualHost.getDefaultInstance(),
          Route.getDefaultInstance(), 0);
      List<FilterStep> filters = FilterReadings.read(config, none, routed);
      return new Explanation(config.gateway(), req, ls, ps, null, null, null, filters, null,
          denial(filters).orElse("404: no virtual host serves " + request.authority()), from(config, null, filters, List.of()));
    }
    VirtualHost host = vh.get().virtualHost();
    Explanation.HostStep hs = new Explanation.HostStep(vh.get().host(), host.getName(), vh.get().domain(), host.getDomainsList());
    List<RouteMatching.Attempt> attempts = RouteMatching.tried(host, routed);
    List<Explanation.Tried> tried = attempts.stream().map(a -> new Explanation.Tried(a.route().getName(),
        RouteMatching.describe(a.route().getMatch()), a.matched(), a.mismatch())).toList();
    boolean matched = !attempts.isEmpty() && attempts.get(attempts.size() - 1).matched();
    Route route = matched ? attempts.get(attempts.size() - 1).route() : Route.getDefaultInstance();
    RouteContext ctx = new RouteContext(listener.get(), entry.get().chain(), hcm, rc.get(), host, route, attempts.size() - 1);
    List<FilterStep> filters = reached(FilterReadings.read(config, ctx, routed));
    if (!matched) {
      return new Explanation(config.gateway(), req, ls, ps, hs, tried, null, filters, null,
          denial(filters).orElse("404: no route of " + host.getName() + " matches"), from(config, null, filters, List.of()));
    }
    List<String> routeFrom = NameSources.of(route.getName()).map(k -> List.of(k.toString())).orElse(List.of());
    Explanation.RouteStep rs = new Explanation.RouteStep(route.getName(), RouteMatching.describe(route.getMatch()), routeFrom);
    Explanation.Action action = RouteActions.of(config, route, routed);
    return new Explanation(config.gateway(), req, ls, ps, hs, tried, rs, filters, action,
        denial(filters).orElse(outcome(action, filters)), from(config, route, filters, action.backends()));
  }

  private static Explanation failed(GatewayConfig config, String req, Explanation.ListenerStep ls, String outcome) {
    return new Explanation(config.gateway(), req, ls, null, null, null, null, null, null, outcome, List.of());
  }

  private static Explanation.ListenerStep listenerStep(Listener l, String chain, String statPrefix, String rc) {
    return new Explanation.ListenerStep(l.getName(), Endpoints.address(l.getAddress()), chain,
        statPrefix == null ? null : "http_connection_manager " + statPrefix, rc);
  }

  /** Filters after the first that denies are not reached: their decisions go. */
  private static List<FilterStep> reached(List<FilterStep> steps) {
    List<FilterStep> out = new ArrayList<>();
    boolean denied = false;
    for (FilterStep s : steps) {
      if (denied && s.decision() != null) {
        s = new FilterStep(s.name(), s.type(), s.runs(), s.reason(), s.details(), s.protection(), s.failClosed(),
            FilterStep.Decision.notReached(), s.from());
      }
      out.add(s);
      denied |= s.runs() && s.decision() != null && s.decision().denied();
    }
    return out;
  }

  private static Optional<String> denial(List<FilterStep> filters) {
    return filters.stream().filter(f -> f.runs() && f.decision() != null && f.decision().denied()).findFirst()
        .map(f -> f.decision().status() + " from " + f.name() + ": " + f.decision().why());
  }

  private static String outcome(Explanation.Action action, List<FilterStep> filters) {
    List<String> deciders = filters.stream().filter(f -> f.runs() && f.decision() != null && f.decision().verdict().equals("unknown"))
        .map(FilterStep::type).distinct().toList();
    String what = switch (action.kind()) {
      case "redirect", "direct_response" -> action.details().get(0);
      default -> "forwarded to " + String.join(", ", action.backends().stream().map(b -> b.cluster().cluster()).toList());
    };
    return deciders.isEmpty() ? what : what + ", if " + String.join(" and ", deciders) + " allow" + (deciders.size() == 1 ? "s" : "") + " it";
  }

  private static List<String> from(GatewayConfig config, Route route, List<FilterStep> filters, List<Explanation.Backend> backends) {
    TreeSet<String> out = new TreeSet<>();
    if (route != null) {
      NameSources.of(route.getName()).ifPresent(k -> out.add(k.toString()));
    }
    filters.stream().filter(FilterStep::runs).forEach(f -> out.addAll(f.from()));
    for (Explanation.Backend b : backends) {
      config.sources(XdsType.CLUSTER, b.cluster().cluster()).forEach(k -> out.add(k.toString()));
      config.sources(XdsType.ENDPOINT, b.cluster().cluster()).forEach(k -> out.add(k.toString()));
    }
    return List.copyOf(out);
  }

  static List<Explanation.Backend> backends(GatewayConfig config, RouteAction action) {
    List<Explanation.Backend> out = new ArrayList<>();
    switch (action.getClusterSpecifierCase()) {
      case CLUSTER -> out.add(new Explanation.Backend(null, Endpoints.of(config, action.getCluster())));
      case WEIGHTED_CLUSTERS -> {
        for (WeightedCluster.ClusterWeight w : action.getWeightedClusters().getClustersList()) {
          out.add(new Explanation.Backend(w.getWeight().getValue(), Endpoints.of(config, w.getName())));
        }
      }
      default -> { }
    }
    return out;
  }
}

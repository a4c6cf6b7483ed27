package dev.tollgate.translator.xds.filter.rbac;

import com.google.protobuf.Any;
import dev.tollgate.translator.ir.AuthorizationIr;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.xds.filter.HttpFilterContributor;
import io.envoyproxy.envoy.config.route.v3.FilterConfig;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBACPerRoute;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;

/**
 * Envoy's RBAC filter for SecurityPolicy authorization rules: one per connection manager,
 * disabled there and enabled on each protected route with that route's rules, so routes without
 * rules are untouched. It runs after authentication (the claims it reads are the verified
 * token's) and before external authorization, so a request the rules deny never reaches the
 * authorization service. In shadow mode the rules go to {@code shadow_rules}: evaluated, counted
 * and written to dynamic metadata, never enforced.
 */
public final class RbacFilter implements HttpFilterContributor {

  public static final String NAME = "envoy.filters.http.rbac";

  @Override
  public String filterName() {
    return NAME;
  }

  @Override
  public int order() {
    return 150;
  }

  @Override
  public List<HttpFilter> httpFilters(GatewayIr gateway, List<HttpListenerIr> listeners) {
    boolean any = listeners.stream().flatMap(l -> l.routes().stream()).anyMatch(r -> authorization(r) != null);
    return any ? List.of(HttpFilter.newBuilder().setName(NAME).setTypedConfig(Any.pack(RBAC.getDefaultInstance()))
        .setDisabled(true).build()) : List.of();
  }

  /** True when some route served by these listeners evaluates rules in shadow mode. */
  public static boolean anyShadow(List<HttpListenerIr> listeners) {
    return listeners.stream().flatMap(l -> l.routes().stream())
        .anyMatch(r -> authorization(r) != null && authorization(r).shadow());
  }

  @Override
  public void configureRoute(RouteIr route, Route.Builder envoyRoute) {
    AuthorizationIr authorization = authorization(route);
    if (authorization == null) {
      return;
    }
    envoyRoute.putTypedPerFilterConfig(NAME, Any.pack(FilterConfig.newBuilder()
        .setConfig(Any.pack(RBACPerRoute.newBuilder().setRbac(config(authorization)).build())).build()));
  }

  static RBAC config(AuthorizationIr authorization) {
    RBAC.Builder b = RBAC.newBuilder();
    if (authorization.shadow()) {
      b.setShadowRules(RbacPolicies.rules(authorization)).setShadowRulesStatPrefix(authorization.statPrefix());
    } else {
      b.setRules(RbacPolicies.rules(authorization)).setRulesStatPrefix(authorization.statPrefix());
    }
    return b.build();
  }

  private static AuthorizationIr authorization(RouteIr r) {
    return r.security() == null ? null : r.security().authorization();
  }
}

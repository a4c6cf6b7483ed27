package dev.tollgate.translator.xds.filter.basicauth;

import dev.tollgate.translator.ir.BasicAuthIr;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.xds.filter.HttpFilterContributor;
import dev.tollgate.translator.xds.filter.PerRouteFilters;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.extensions.filters.http.basic_auth.v3.BasicAuth;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;

/**
 * Envoy's HTTP basic authentication, one filter per SecurityPolicy holding its htpasswd users,
 * enabled on the policy's routes. Runs after JWT and API key authentication, before the
 * authorization filters.
 */
public final class BasicAuthFilter implements HttpFilterContributor {

  public static final String NAME = "envoy.filters.http.basic_auth";

  @Override
  public String filterName() {
    return NAME;
  }

  @Override
  public int order() {
    return 120;
  }

  @Override
  public List<HttpFilter> httpFilters(GatewayIr gateway, List<HttpListenerIr> listeners) {
    return PerRouteFilters.disabled(listeners, BasicAuthFilter::basicAuth, BasicAuthIr::filterName, BasicAuthFilter::config);
  }

  @Override
  public void configureRoute(RouteIr route, Route.Builder envoyRoute) {
    BasicAuthIr auth = basicAuth(route);
    if (auth != null) {
      PerRouteFilters.enable(envoyRoute, auth.filterName());
    }
  }

  static BasicAuth config(BasicAuthIr auth) {
    BasicAuth.Builder b = BasicAuth.newBuilder().setUsers(DataSource.newBuilder().setInlineString(auth.htpasswd()));
    if (auth.forwardUsernameHeader() != null) {
      b.setForwardUsernameHeader(auth.forwardUsernameHeader());
    }
    return b.build();
  }

  private static BasicAuthIr basicAuth(RouteIr r) {
    return r.security() == null ? null : r.security().basicAuth();
  }
}

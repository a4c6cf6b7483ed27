package dev.tollgate.translator.xds.filter;

import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.xds.GatewayXds;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;

/**
 * One Envoy HTTP filter: everything Tollgate generates for it lives in its own package behind
 * this interface, and {@link HttpFilters} lists the contributors. Adding a filter never means
 * editing a switch elsewhere.
 */
public interface HttpFilterContributor {

  /** Envoy's name for the filter, e.g. {@code envoy.filters.http.router}. */
  String filterName();

  /**
   * Where the filter sits in the connection manager's chain; lower runs first. Spaced by 100 so a
   * new filter can go between two others.
   */
  int order();

  /**
   * The filters for a connection manager serving these Gateway listeners (a filter may appear
   * once per policy, named {@code <filterName>/<policy>}); empty when none of their routes needs it.
   */
  List<HttpFilter> httpFilters(GatewayIr gateway, List<HttpListenerIr> listeners);

  /** Adds per-route configuration (typed_per_filter_config and the like) to one route. */
  default void configureRoute(RouteIr route, Route.Builder envoyRoute) {}

  /** Adds resources the filter needs (a JWKS cluster, an authorization cluster, ...). */
  default void addResources(GatewayIr gateway, GatewayXds.Builder out) {}
}

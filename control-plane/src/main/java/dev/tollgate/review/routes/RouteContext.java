package dev.tollgate.review.routes;

import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;

/**
 * A route where Envoy holds it: the listener and chain whose connection manager routes with the
 * route configuration, the virtual host, and the route's position in it. {@code route} is the
 * default instance when no route matched a request (only the listener's filters then apply).
 */
public record RouteContext(Listener listener, FilterChain chain, HttpConnectionManager hcm, RouteConfiguration routeConfiguration,
    VirtualHost virtualHost, Route route, int index) {

  /** The route's name, or its position when it has none (a patch or extension may add unnamed routes). */
  public String name() {
    return route.getName().isEmpty() ? virtualHost.getName() + "#" + index : route.getName();
  }

  /** Unique within a Gateway: route configuration, virtual host and route. */
  public String key() {
    return routeConfiguration.getName() + " " + virtualHost.getName() + " " + name();
  }

  /** The domains the route serves. */
  public java.util.List<String> domains() {
    return virtualHost.getDomainsList();
  }
}

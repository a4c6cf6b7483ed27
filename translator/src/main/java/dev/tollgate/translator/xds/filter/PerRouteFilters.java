package dev.tollgate.translator.xds.filter;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.RouteIr;
import io.envoyproxy.envoy.config.route.v3.FilterConfig;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Filters that exist once per policy ({@code <filter>/<policy>}), disabled on the connection
 * manager and enabled only on the policy's routes, so every other route is untouched.
 */
public final class PerRouteFilters {

  private PerRouteFilters() {}

  /**
   * One disabled filter per distinct policy part the routes carry, sorted by name.
   *
   * @param part the route's part for this filter, or null
   * @param name the filter's name for a part
   * @param config the filter's configuration for a part
   */
  public static <T> List<HttpFilter> disabled(List<HttpListenerIr> listeners, Function<RouteIr, T> part,
      Function<T, String> name, Function<T, Message> config) {
    Map<String, T> byName = new TreeMap<>();
    for (HttpListenerIr l : listeners) {
      for (RouteIr r : l.routes()) {
        T p = part.apply(r);
        if (p != null) {
          byName.putIfAbsent(name.apply(p), p);
        }
      }
    }
    return byName.entrySet().stream().map(e -> HttpFilter.newBuilder().setName(e.getKey())
        .setTypedConfig(Any.pack(config.apply(e.getValue()))).setDisabled(true).build()).toList();
  }

  /** Enables a disabled filter on one route, with no route-specific settings. */
  public static void enable(Route.Builder route, String filterName) {
    route.putTypedPerFilterConfig(filterName, Any.pack(FilterConfig.getDefaultInstance()));
  }
}

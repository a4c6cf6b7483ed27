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
    return disabledEach(listeners, r -> {
      T p = part.apply(r);
      return p == null ? List.of() : List.of(p);
    }, name, config);
  }

  /**
   * As {@link #disabled}, for routes that may carry several parts each (a policy's scripts, named
   * {@code <filter>/<policy>/<kind>/<index>}): a policy's parts stay in its order, index 10 after 9.
   */
  public static <T> List<HttpFilter> disabledEach(List<HttpListenerIr> listeners, Function<RouteIr, List<T>> parts,
      Function<T, String> name, Function<T, Message> config) {
    Map<String, T> byName = new TreeMap<>(PerRouteFilters::compareNames);
    for (HttpListenerIr l : listeners) {
      for (RouteIr r : l.routes()) {
        parts.apply(r).forEach(p -> byName.putIfAbsent(name.apply(p), p));
      }
    }
    return byName.values().stream().map(p -> HttpFilter.newBuilder().setName(name.apply(p))
        .setTypedConfig(Any.pack(config.apply(p))).setDisabled(true).build()).toList();
  }

  /** By name, except that names differing only in a numeric last segment are ordered by its number. */
  static int compareNames(String a, String b) {
    int slash = a.lastIndexOf('/');
    if (slash >= 0 && slash == b.lastIndexOf('/') && a.regionMatches(0, b, 0, slash)) {
      String x = a.substring(slash + 1);
      String y = b.substring(slash + 1);
      if (!x.isEmpty() && !y.isEmpty() && x.chars().allMatch(Character::isDigit) && y.chars().allMatch(Character::isDigit)) {
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
      }
    }
    return a.compareTo(b);
  }

  /** Enables a disabled filter on one route, with no route-specific settings. */
  public static void enable(Route.Builder route, String filterName) {
    route.putTypedPerFilterConfig(filterName, Any.pack(FilterConfig.getDefaultInstance()));
  }
}

package dev.tollgate.review.envoy;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.route.v3.FilterConfig;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.Map;

/**
 * Whether an HTTP filter runs on a route, by Envoy's rules: the most specific
 * {@code typed_per_filter_config} entry for the filter's name (route, then virtual host, then
 * route configuration) decides; a {@code FilterConfig} with {@code disabled} turns the filter off
 * there, any other entry turns on a filter the connection manager lists as {@code disabled}, and
 * a disabled filter with no entry does not run. What a filter then does with its per-route
 * settings (a JWT requirement, an ext_authz {@code disabled}) is each filter's own reading.
 */
public final class PerFilterConfigs {

  private PerFilterConfigs() {}

  /**
   * @param runs whether the filter is in the route's chain
   * @param reason why, for people
   * @param perRoute the route's settings for the filter (unwrapped from a FilterConfig), or null
   * @param level where they came from: route, virtual host or route configuration
   */
  public record Activation(boolean runs, String reason, Any perRoute, String level) {}

  public static Activation activation(HttpFilter filter, Route route, VirtualHost vh, RouteConfiguration rc) {
    String name = filter.getName();
    Any entry = null;
    String level = null;
    for (var candidate : new Object[][] {{route.getTypedPerFilterConfigMap(), "route"},
        {vh.getTypedPerFilterConfigMap(), "virtual host"}, {rc.getTypedPerFilterConfigMap(), "route configuration"}}) {
      @SuppressWarnings("unchecked")
      Map<String, Any> m = (Map<String, Any>) candidate[0];
      if (m.containsKey(name)) {
        entry = m.get(name);
        level = (String) candidate[1];
        break;
      }
    }
    if (entry == null) {
      return filter.getDisabled()
          ? new Activation(false, "disabled on the listener and not enabled for this route", null, null)
          : new Activation(true, "on the listener for every route", null, null);
    }
    if (entry.is(FilterConfig.class)) {
      FilterConfig fc = unpack(entry, FilterConfig.class);
      if (fc.getDisabled()) {
        return new Activation(false, "disabled on this " + level, null, level);
      }
      return new Activation(true, (filter.getDisabled() ? "enabled on this " : "configured on this ") + level,
          fc.hasConfig() ? fc.getConfig() : null, level);
    }
    return new Activation(true, (filter.getDisabled() ? "enabled on this " : "configured on this ") + level, entry, level);
  }

  /** Unpacks a message the configuration holds; the configuration was validated, so a failure is a defect. */
  public static <T extends com.google.protobuf.Message> T unpack(Any any, Class<T> type) {
    try {
      return any.unpack(type);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot read " + any.getTypeUrl() + ": " + e.getMessage(), e);
    }
  }
}

package dev.tollgate.bootstrap;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.http.health_check.v3.HealthCheck;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;

/**
 * A static listener answering {@code GET /ready} for the kubelet's probes, as Envoy Gateway's
 * proxies have on port 19003: Envoy's admin interface listens on loopback only, which a probe
 * cannot reach. The health-check filter answers 200 while Envoy serves and 503 once it drains
 * (shutting down, or after {@code /healthcheck/fail}), so a terminating pod leaves the Service first.
 */
public final class ReadinessListener {

  public static final String NAME = "tollgate-proxy-ready";
  public static final String PATH = "/ready";
  public static final int DEFAULT_PORT = 19003;

  private ReadinessListener() {}

  static Listener listener(int port) {
    HttpConnectionManager hcm = HttpConnectionManager.newBuilder()
        .setStatPrefix(NAME)
        .setRouteConfig(RouteConfiguration.newBuilder().setName(NAME))
        .addHttpFilters(HttpFilter.newBuilder().setName("envoy.filters.http.health_check")
            .setTypedConfig(Any.pack(HealthCheck.newBuilder().setPassThroughMode(BoolValue.of(false))
                .addHeaders(HeaderMatcher.newBuilder().setName(":path")
                    .setStringMatch(StringMatcher.newBuilder().setExact(PATH))).build())))
        .addHttpFilters(HttpFilter.newBuilder().setName("envoy.filters.http.router")
            .setTypedConfig(Any.pack(Router.getDefaultInstance())))
        .build();
    return Listener.newBuilder().setName(NAME)
        .setAddress(Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress("0.0.0.0").setPortValue(port)))
        .addFilterChains(FilterChain.newBuilder().addFilters(Filter.newBuilder()
            .setName("envoy.filters.network.http_connection_manager").setTypedConfig(Any.pack(hcm))))
        .build();
  }
}

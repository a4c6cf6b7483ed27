package dev.tollgate.review.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import io.envoyproxy.envoy.config.route.v3.FilterConfig;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthzPerRoute;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import org.junit.jupiter.api.Test;

/** Envoy's rules for a filter on a route: the most specific per-filter entry decides. */
class PerFilterConfigsTest {

  private static final HttpFilter DISABLED = HttpFilter.newBuilder().setName("f").setDisabled(true).build();
  private static final HttpFilter ON = HttpFilter.newBuilder().setName("f").build();
  private static final Any ENABLE = Any.pack(FilterConfig.getDefaultInstance());
  private static final Any OFF = Any.pack(FilterConfig.newBuilder().setDisabled(true).build());

  private static boolean runs(HttpFilter f, Route r, VirtualHost vh) {
    return PerFilterConfigs.activation(f, r, vh, RouteConfiguration.getDefaultInstance()).runs();
  }

  @Test
  void aDisabledFilterRunsOnlyWhereAnEntryEnablesIt() {
    Route plain = Route.getDefaultInstance();
    assertThat(runs(DISABLED, plain, VirtualHost.getDefaultInstance())).isFalse();
    assertThat(runs(DISABLED, plain.toBuilder().putTypedPerFilterConfig("f", ENABLE).build(), VirtualHost.getDefaultInstance())).isTrue();
    assertThat(runs(DISABLED, plain.toBuilder().putTypedPerFilterConfig("f", Any.pack(ExtAuthzPerRoute.getDefaultInstance())).build(),
        VirtualHost.getDefaultInstance())).isTrue();
    assertThat(runs(DISABLED, plain, VirtualHost.newBuilder().putTypedPerFilterConfig("f", ENABLE).build())).isTrue();
  }

  @Test
  void theRouteOverridesItsVirtualHost() {
    Route off = Route.newBuilder().putTypedPerFilterConfig("f", OFF).build();
    assertThat(runs(DISABLED, off, VirtualHost.newBuilder().putTypedPerFilterConfig("f", ENABLE).build())).isFalse();
    assertThat(runs(ON, off, VirtualHost.getDefaultInstance())).isFalse();
    assertThat(runs(ON, Route.getDefaultInstance(), VirtualHost.getDefaultInstance())).isTrue();
  }
}

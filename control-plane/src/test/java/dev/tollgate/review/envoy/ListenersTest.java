package dev.tollgate.review.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listener by port (a Gateway port below 1024 is bound 10000 higher) and filter chain by server name. */
class ListenersTest {

  private static final Listener HTTPS = Listener.newBuilder().setName("l")
      .setAddress(Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress("0.0.0.0").setPortValue(10443)))
      .addFilterChains(FilterChain.newBuilder().setName("wild").setFilterChainMatch(FilterChainMatch.newBuilder().addServerNames("*.example.com")))
      .addFilterChains(FilterChain.newBuilder().setName("api").setFilterChainMatch(FilterChainMatch.newBuilder().addServerNames("api.example.com")))
      .setDefaultFilterChain(FilterChain.newBuilder().setName("default")).build();

  private static String chain(String sni) {
    return Listeners.chain(HTTPS, 443, sni).map(e -> e.chain().getName()).orElse("none");
  }

  @Test
  void gatewayPortsBelow1024AreBoundTenThousandHigher() {
    assertThat(Listeners.listener(List.of(HTTPS), 443)).hasValue(HTTPS);
    assertThat(Listeners.listener(List.of(HTTPS), 10443)).hasValue(HTTPS);
    assertThat(Listeners.listener(List.of(HTTPS), 80)).isEmpty();
  }

  @Test
  void exactServerNameBeforeWildcardThenTheDefaultChain() {
    assertThat(chain("api.example.com")).isEqualTo("api");
    assertThat(chain("www.example.com")).isEqualTo("wild");
    assertThat(chain("example.com")).isEqualTo("default");
    assertThat(chain(null)).isEqualTo("default");
  }
}

package dev.tollgate.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GatewayIdTest {

  @Test
  void uri_andBack() {
    assertThat(GatewayId.uri("team-x/edge.v2")).isEqualTo("spiffe://tollgate.dev/ns/team-x/gateway/edge.v2");
    assertThat(GatewayId.gateway("spiffe://tollgate.dev/ns/team-x/gateway/edge.v2")).contains("team-x/edge.v2");
  }

  @Test
  void gateway_onlyForExactlyThatForm() {
    for (String uri : new String[] {"spiffe://tollgate.dev/ns/default/gateway/a/extra", "spiffe://tollgate.dev/ns/default/gateway/",
        "spiffe://tollgate.dev/ns/Default/gateway/a", "spiffe://other.dev/ns/default/gateway/a",
        "spiffe://tollgate.dev/ns/default/sa/a", "https://tollgate.dev/ns/default/gateway/a"}) {
      assertThat(GatewayId.gateway(uri)).as(uri).isEmpty();
    }
  }

  @Test
  void uri_ofSomethingThatIsNotNamespaceSlashName_isRefused() {
    assertThat(GatewayId.isGateway("default")).isFalse();
    assertThat(GatewayId.isGateway("a/b/c")).isFalse();
    assertThatThrownBy(() -> GatewayId.uri("default")).isInstanceOf(IllegalArgumentException.class);
  }
}

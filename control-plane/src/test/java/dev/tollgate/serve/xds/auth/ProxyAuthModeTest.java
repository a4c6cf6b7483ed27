package dev.tollgate.serve.xds.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyAuthModeTest {

  @Test
  void resolve_withoutSetting_followsTheProvider_thenWhetherItRunsInAPod() {
    assertThat(ProxyAuthMode.resolve(Optional.empty(), Optional.of("kubernetes"), false)).isEqualTo(ProxyAuthMode.KUBERNETES_TOKEN);
    assertThat(ProxyAuthMode.resolve(Optional.empty(), Optional.of("file"), true)).isEqualTo(ProxyAuthMode.NONE);
    assertThat(ProxyAuthMode.resolve(Optional.empty(), Optional.empty(), true)).isEqualTo(ProxyAuthMode.KUBERNETES_TOKEN);
    assertThat(ProxyAuthMode.resolve(Optional.empty(), Optional.empty(), false)).isEqualTo(ProxyAuthMode.NONE);
  }

  @Test
  void resolve_theSettingWins() {
    assertThat(ProxyAuthMode.resolve(Optional.of("none"), Optional.of("kubernetes"), true)).isEqualTo(ProxyAuthMode.NONE);
    assertThat(ProxyAuthMode.resolve(Optional.of("kubernetes-token"), Optional.of("file"), false))
        .isEqualTo(ProxyAuthMode.KUBERNETES_TOKEN);
  }

  @Test
  void parse_unknownValue_namesTheSettingAndTheValues() {
    assertThatThrownBy(() -> ProxyAuthMode.parse("mtls")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tollgate.proxy-auth: \"mtls\" is neither kubernetes-token nor none");
  }
}

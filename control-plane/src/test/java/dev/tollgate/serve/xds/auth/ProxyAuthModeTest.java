package dev.tollgate.serve.xds.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyAuthModeTest {

  @Test
  void resolve_withoutSetting_followsTheProvider() {
    assertThat(ProxyAuthMode.resolve(Optional.empty(), "kubernetes")).isEqualTo(ProxyAuthMode.KUBERNETES_TOKEN);
    assertThat(ProxyAuthMode.resolve(Optional.empty(), "file")).isEqualTo(ProxyAuthMode.NONE);
    assertThat(ProxyAuthMode.resolve(Optional.of(""), "kubernetes")).isEqualTo(ProxyAuthMode.KUBERNETES_TOKEN);
  }

  @Test
  void resolve_theSettingWins() {
    assertThat(ProxyAuthMode.resolve(Optional.of("none"), "kubernetes")).isEqualTo(ProxyAuthMode.NONE);
    assertThat(ProxyAuthMode.resolve(Optional.of("kubernetes-token"), "file"))
        .isEqualTo(ProxyAuthMode.KUBERNETES_TOKEN);
  }

  @Test
  void parse_unknownValue_namesTheSettingAndTheValues() {
    assertThatThrownBy(() -> ProxyAuthMode.parse("mtls")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tollgate.proxy-auth: \"mtls\" is not kubernetes-token, client-certificate or none");
  }
}

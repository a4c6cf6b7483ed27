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

  @Test
  void clientCertificate_isAMode_thatNeedsAClientCaAndAServerCertificate() {
    assertThat(ProxyAuthMode.parse("client-certificate")).isEqualTo(ProxyAuthMode.CLIENT_CERTIFICATE);
    assertThat(ProxyAuthMode.clientCertificateProblem(Optional.of("server.crt"), Optional.of("ca.crt"))).isEmpty();
    assertThat(ProxyAuthMode.clientCertificateProblem(Optional.of("server.crt"), Optional.of("")))
        .hasValueSatisfying(m -> assertThat(m).contains("needs tollgate.xds-tls.client-ca"));
    assertThat(ProxyAuthMode.clientCertificateProblem(Optional.empty(), Optional.of("ca.crt")))
        .hasValueSatisfying(m -> assertThat(m).contains("needs tollgate.xds-tls.certificate"));
  }
}

package dev.tollgate.translator.gateway;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.testing.TestCertificates;
import dev.tollgate.translator.gateway.listener.TlsCertificates;
import dev.tollgate.translator.gateway.listener.TlsCertificates.InvalidCertificateException;
import org.junit.jupiter.api.Test;

class TlsCertificatesTest {

  @Test
  void check_matchingRsaAndEcPairs_pass() {
    for (String algorithm : new String[] {"RSA", "EC"}) {
      var pem = TestCertificates.selfSigned("a.example.com", algorithm);
      assertThatCode(() -> TlsCertificates.check(pem.certificate().getBytes(US_ASCII), pem.privateKey().getBytes(US_ASCII)))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void check_keyOfAnotherCertificate_isRejectedWithoutShowingTheKey() {
    var a = TestCertificates.selfSigned("a.example.com", "RSA");
    var b = TestCertificates.selfSigned("b.example.com", "RSA");
    assertThatThrownBy(() -> TlsCertificates.check(a.certificate().getBytes(US_ASCII), b.privateKey().getBytes(US_ASCII)))
        .isInstanceOf(InvalidCertificateException.class)
        .hasMessage("tls.key does not match the certificate in tls.crt");
  }

  @Test
  void check_garbage_isRejectedWithAMessageNamingTheKey() {
    var a = TestCertificates.selfSigned("a.example.com", "EC");
    assertThatThrownBy(() -> TlsCertificates.check("nope".getBytes(US_ASCII), a.privateKey().getBytes(US_ASCII)))
        .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("tls.crt");
    assertThatThrownBy(() -> TlsCertificates.check(a.certificate().getBytes(US_ASCII), "nope".getBytes(US_ASCII)))
        .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("tls.key");
  }
}

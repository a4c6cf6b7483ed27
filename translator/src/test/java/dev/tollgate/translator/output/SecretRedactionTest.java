package dev.tollgate.translator.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.json.Mappers;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {

  @Test
  void redact_replacesPrivateKeyWithADigestAndKeepsTheCertificate() throws Exception {
    var secret = Mappers.json().readTree("""
        {"name": "s", "tls_certificate": {
          "certificate_chain": {"inline_bytes": "Q0VSVA=="},
          "private_key": {"inline_bytes": "S0VZ"}}}""");
    var redacted = SecretRedaction.redact(secret);
    assertThat(redacted.at("/tls_certificate/certificate_chain/inline_bytes").asText()).isEqualTo("Q0VSVA==");
    assertThat(redacted.at("/tls_certificate/private_key/inline_string").asText()).startsWith("[redacted sha256:");
    assertThat(redacted.toString()).doesNotContain("S0VZ");
    assertThat(secret.at("/tls_certificate/private_key/inline_bytes").asText()).as("input untouched").isEqualTo("S0VZ");
  }

  @Test
  void redact_differentKeys_giveDifferentDigests() throws Exception {
    var a = SecretRedaction.redact(Mappers.json().readTree("{\"tls_certificate\":{\"private_key\":{\"inline_bytes\":\"QQ==\"}}}"));
    var b = SecretRedaction.redact(Mappers.json().readTree("{\"tls_certificate\":{\"private_key\":{\"inline_bytes\":\"Qg==\"}}}"));
    assertThat(a).isNotEqualTo(b);
  }
}

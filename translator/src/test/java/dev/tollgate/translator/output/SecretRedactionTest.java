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

  @Test
  void redactCredentials_hidesApiKeysAndPasswordHashes_inFilters() throws Exception {
    var listener = Mappers.json().readTree("""
        {"filters": [{"typed_config": {"http_filters": [
          {"name": "envoy.filters.http.api_key_auth/securitypolicy/default/p", "typed_config": {
            "@type": "type.googleapis.com/envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth",
            "credentials": [{"key": "key-one", "client": "one"}, {"key": "key-two", "client": "two"}]}},
          {"name": "envoy.filters.http.basic_auth/securitypolicy/default/p", "typed_config": {
            "@type": "type.googleapis.com/envoy.extensions.filters.http.basic_auth.v3.BasicAuth",
            "users": {"inline_string": "alice:{SHA}LnNEJV8jKtmfFq9Xj5SGUhsNZSU="}, "forward_username_header": "x-user"}}]}}]}""");
    var redacted = SecretRedaction.redactCredentials(listener).toString();
    assertThat(redacted).doesNotContain("key-one", "key-two", "LnNEJV8j").contains("\"client\":\"one\"", "x-user", "[redacted sha256:");
    assertThat(listener.toString()).as("input untouched").contains("key-one");
  }
}

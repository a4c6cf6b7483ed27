package dev.tollgate.translator.xds;

import com.google.protobuf.ByteString;
import dev.tollgate.translator.ir.TlsIr.CertificateIr;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsCertificate;
import java.nio.charset.StandardCharsets;

/** Builds SDS secrets from validated certificates. */
final class SecretBuilder {
  private SecretBuilder() {}

  static Secret secret(CertificateIr cert) {
    return Secret.newBuilder()
        .setName(cert.name())
        .setTlsCertificate(TlsCertificate.newBuilder()
            .setCertificateChain(DataSource.newBuilder().setInlineBytes(bytes(cert.certificateChain())))
            .setPrivateKey(DataSource.newBuilder().setInlineBytes(bytes(cert.privateKey()))))
        .build();
  }

  private static ByteString bytes(String pem) {
    return ByteString.copyFrom(pem, StandardCharsets.UTF_8);
  }
}

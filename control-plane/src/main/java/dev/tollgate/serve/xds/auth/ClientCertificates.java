package dev.tollgate.serve.xds.auth;

import dev.tollgate.certs.GatewayId;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The Gateway named by the stream's client certificate: exactly one URI SAN
 * {@code spiffe://tollgate.dev/ns/NAMESPACE/gateway/NAME} ({@link GatewayId}). The TLS handshake has
 * already verified the certificate against {@code tollgate.xds-tls.client-ca}, so its SAN is the
 * CA's word; a certificate with none, or with two, proves no Gateway.
 */
final class ClientCertificates implements CallAuthenticator {

  private static final int URI_SAN = 6;

  @Override
  public ProxyAuthResult authenticate(ServerCall<?, ?> call, Metadata headers) {
    SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
    if (session == null) {
      return ProxyAuthResult.rejected(Rejection.NO_GATEWAY_CERTIFICATE, "the stream is not over TLS");
    }
    Certificate[] chain;
    try {
      chain = session.getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return ProxyAuthResult.rejected(Rejection.NO_GATEWAY_CERTIFICATE, "the stream presented no client certificate");
    }
    if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
      return ProxyAuthResult.rejected(Rejection.NO_GATEWAY_CERTIFICATE, "the stream presented no X.509 client certificate");
    }
    String subject = "certificate " + leaf.getSerialNumber().toString(16) + " (" + leaf.getSubjectX500Principal().getName() + ")";
    List<String> uris;
    try {
      uris = gatewayUris(leaf.getSubjectAlternativeNames());
    } catch (CertificateParsingException e) {
      return ProxyAuthResult.rejected(Rejection.NO_GATEWAY_CERTIFICATE, subject + " has unreadable subject alternative names");
    }
    if (uris.size() != 1) {
      return ProxyAuthResult.rejected(Rejection.NO_GATEWAY_CERTIFICATE, subject + (uris.isEmpty()
          ? " has no URI SAN " + GatewayId.PREFIX + "ns/NAMESPACE/gateway/NAME"
          : " has " + uris.size() + " URI SANs under " + GatewayId.PREFIX + ", not exactly one"));
    }
    return GatewayId.gateway(uris.get(0))
        .map(gateway -> ProxyAuthResult.proved(new ProxyIdentity(subject, gateway, leaf.getNotAfter().toInstant())))
        .orElseGet(() -> ProxyAuthResult.rejected(Rejection.NO_GATEWAY_CERTIFICATE, subject + " has URI SAN " + uris.get(0)
            + ", not " + GatewayId.PREFIX + "ns/NAMESPACE/gateway/NAME"));
  }

  /** The URI SANs in Tollgate's trust domain: one that is malformed must not be skipped in favour of another. */
  private static List<String> gatewayUris(Collection<List<?>> sans) {
    List<String> out = new ArrayList<>();
    if (sans != null) {
      for (List<?> san : sans) {
        if (san.size() == 2 && Integer.valueOf(URI_SAN).equals(san.get(0)) && san.get(1) instanceof String uri
            && uri.startsWith(GatewayId.PREFIX)) {
          out.add(uri);
        }
      }
    }
    return out;
  }
}

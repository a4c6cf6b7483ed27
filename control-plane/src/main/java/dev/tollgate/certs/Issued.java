package dev.tollgate.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A certificate and its private key. {@link #toString()} leaves the key out, so it is never logged by accident. */
public record Issued(X509Certificate certificate, PrivateKey key) {

  @Override
  public String toString() {
    return "Issued[" + certificate.getSubjectX500Principal().getName() + ", serial " + certificate.getSerialNumber().toString(16) + "]";
  }
}

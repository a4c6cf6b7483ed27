package dev.tollgate.translator.ir;

import java.util.List;

/** TLS termination on a listener: the certificates, in the order the listener lists them. */
public record TlsIr(List<CertificateIr> certificates, List<String> alpnProtocols) {
  public TlsIr {
    certificates = List.copyOf(certificates);
    alpnProtocols = List.copyOf(alpnProtocols);
  }

  /**
   * A certificate and key in PEM, validated by the gateway stage.
   *
   * @param name the xDS Secret name, {@code namespace/secret}
   */
  public record CertificateIr(String name, dev.tollgate.translator.model.ObjectKey source, String certificateChain, String privateKey) {
    @Override
    public String toString() {
      return "CertificateIr[" + name + "]";
    }
  }
}

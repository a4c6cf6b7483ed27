package dev.tollgate.serve.xds.auth;

import java.util.Arrays;
import java.util.Optional;

/** How proxies prove which Gateway they serve ({@code tollgate.proxy-auth}). */
public enum ProxyAuthMode {
  /** A projected ServiceAccount token in the stream's {@code authorization} metadata, checked with a TokenReview. */
  KUBERNETES_TOKEN("kubernetes-token"),
  /**
   * A client certificate of {@code tollgate.xds-tls.client-ca} whose SPIFFE URI SAN names the
   * Gateway ({@code tollgate certs proxy}): for the file provider, where there is no API server.
   */
  CLIENT_CERTIFICATE("client-certificate"),
  /** Nothing is checked: any client of the xDS port gets any Gateway. Development only. */
  NONE("none");

  private final String setting;

  ProxyAuthMode(String setting) {
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }

  /**
   * The mode a setting names.
   *
   * @throws IllegalArgumentException naming the setting and the values it takes
   */
  public static ProxyAuthMode parse(String value) {
    return Arrays.stream(values()).filter(m -> m.setting.equals(value)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("tollgate.proxy-auth: \"" + value + "\" is not kubernetes-token, client-certificate or none"));
  }

  /**
   * Why {@code client-certificate} mode cannot run with these TLS settings, if it cannot: it needs
   * mutual TLS on the xDS port, or no stream would carry a certificate to prove anything with.
   */
  public static Optional<String> clientCertificateProblem(Optional<String> certificate, Optional<String> clientCa) {
    if (clientCa.filter(s -> !s.isEmpty()).isEmpty()) {
      return Optional.of("tollgate.proxy-auth=client-certificate needs tollgate.xds-tls.client-ca (--xds-tls-client-ca): "
          + "proxies prove their Gateway with a certificate of that CA");
    }
    if (certificate.filter(s -> !s.isEmpty()).isEmpty()) {
      return Optional.of("tollgate.proxy-auth=client-certificate needs tollgate.xds-tls.certificate (--xds-tls-certificate): "
          + "without it the xDS port has no TLS, so no client certificate");
    }
    return Optional.empty();
  }

  /**
   * The mode in effect: the setting when given; otherwise {@code kubernetes-token} when the
   * provider in effect ({@code ServeSettings.provider()}) is Kubernetes.
   */
  public static ProxyAuthMode resolve(Optional<String> setting, String provider) {
    if (setting.isPresent() && !setting.get().isEmpty()) {
      return parse(setting.get());
    }
    return "kubernetes".equals(provider) ? KUBERNETES_TOKEN : NONE;
  }
}

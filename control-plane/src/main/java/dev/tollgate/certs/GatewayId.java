package dev.tollgate.certs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SPIFFE ID a proxy certificate names its Gateway with:
 * {@code spiffe://tollgate.dev/ns/NAMESPACE/gateway/NAME}. A URI, not the subject's common name,
 * so the identity is the SAN Envoy and SPIFFE tooling already understand.
 */
public final class GatewayId {

  public static final String PREFIX = "spiffe://tollgate.dev/";
  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String SUBDOMAIN = "[a-z0-9]([-a-z0-9.]*[a-z0-9])?";
  private static final Pattern GATEWAY = Pattern.compile("(" + LABEL + ")/(" + SUBDOMAIN + ")");
  private static final Pattern URI = Pattern.compile(Pattern.quote(PREFIX) + "ns/(" + LABEL + ")/gateway/(" + SUBDOMAIN + ")");

  private GatewayId() {}

  /** Whether the text is a Gateway's {@code NAMESPACE/NAME}. */
  public static boolean isGateway(String gateway) {
    return GATEWAY.matcher(gateway).matches();
  }

  /**
   * The URI for a Gateway.
   *
   * @throws IllegalArgumentException when the text is not {@code NAMESPACE/NAME}
   */
  public static String uri(String gateway) {
    Matcher m = GATEWAY.matcher(gateway);
    if (!m.matches()) {
      throw new IllegalArgumentException("not NAMESPACE/NAME: " + gateway);
    }
    return PREFIX + "ns/" + m.group(1) + "/gateway/" + m.group(3);
  }

  /** The Gateway ({@code NAMESPACE/NAME}) a URI names, if it is such a URI. */
  public static Optional<String> gateway(String uri) {
    Matcher m = URI.matcher(uri);
    return m.matches() ? Optional.of(m.group(1) + "/" + m.group(3)) : Optional.empty();
  }
}

package dev.tollgate.review.envoy;

import java.util.Optional;

/** Ports in authorities and Envoy's hostname wildcards ({@code *.example.com}, {@code foo.*}, {@code *}). */
public final class HostNames {

  private HostNames() {}

  /** {@code foo:8080} → {@code foo}; {@code [::1]:80} → {@code [::1]}. */
  public static String withoutPort(String authority) {
    int colon = authority.lastIndexOf(':');
    if (colon < 0 || authority.indexOf(']', colon) >= 0 || !isPort(authority.substring(colon + 1))) {
      return authority;
    }
    return authority.substring(0, colon);
  }

  public static Optional<Integer> port(String authority) {
    String host = withoutPort(authority);
    return host.length() == authority.length() ? Optional.empty()
        : Optional.of(Integer.parseInt(authority.substring(host.length() + 1)));
  }

  private static boolean isPort(String s) {
    return !s.isEmpty() && s.length() <= 5 && s.chars().allMatch(Character::isDigit);
  }

  /**
   * Whether a server name pattern of a filter chain matches an SNI: exact, or {@code *.suffix}
   * matching at least one more label, as Envoy's filter chain matching reads them.
   */
  public static boolean serverNameMatches(String pattern, String sni) {
    String p = pattern.toLowerCase(java.util.Locale.ROOT);
    if (p.startsWith("*.")) {
      return sni.endsWith(p.substring(1)) && sni.length() > p.length() - 1;
    }
    return p.equals(sni);
  }
}

package dev.tollgate.translator.gateway;

import java.util.Optional;
import java.util.regex.Pattern;

/** Gateway API hostname rules: syntax, and the intersection of a listener's and a route's hostname. */
public final class Hostnames {

  /** A DNS-1123 subdomain, optionally with a leading {@code *.} label; IP addresses are not hostnames. */
  private static final Pattern HOSTNAME =
      Pattern.compile("^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

  private static final Pattern IPV4 = Pattern.compile("^[0-9.]+$");

  public static final String ANY = "*";

  private Hostnames() {}

  /** Null when valid, else why not. */
  public static String problem(String hostname) {
    if (hostname.length() > 253) {
      return "must be at most 253 characters";
    }
    if (IPV4.matcher(hostname).matches() || hostname.contains(":")) {
      return "must be a hostname, not an IP address";
    }
    if (!HOSTNAME.matcher(hostname).matches()) {
      return "must be a lowercase RFC 1123 hostname, optionally prefixed with a single '*.' label";
    }
    return null;
  }

  /**
   * The hostname a route serves on a listener, or empty when they do not intersect.
   *
   * @param listener the listener's hostname, null when it accepts any
   * @param route one of the route's hostnames
   */
  public static Optional<String> intersect(String listener, String route) {
    if (listener == null || listener.isEmpty() || listener.equals(route)) {
      return Optional.of(route);
    }
    if (isWildcard(listener) && matchesWildcard(listener, route)) {
      return Optional.of(route);
    }
    if (isWildcard(route) && matchesWildcard(route, listener)) {
      return Optional.of(listener);
    }
    return Optional.empty();
  }

  private static boolean isWildcard(String hostname) {
    return hostname.startsWith("*.");
  }

  /** {@code *.example.com} covers {@code a.example.com}, {@code a.b.example.com} and {@code *.a.example.com}. */
  private static boolean matchesWildcard(String wildcard, String hostname) {
    String suffix = wildcard.substring(1);
    String host = isWildcard(hostname) ? hostname.substring(1) : hostname;
    return host.endsWith(suffix) && host.length() > suffix.length();
  }
}

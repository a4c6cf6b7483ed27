package dev.tollgate.review.envoy;

import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.Locale;
import java.util.Optional;

/**
 * Which virtual host of a route configuration Envoy picks for an authority, by its domain search
 * order: an exact domain, then the longest suffix wildcard ({@code *.foo.com}, {@code *-bar.foo.com}),
 * then the longest prefix wildcard ({@code foo.*}), then {@code *}. A wildcard stands for at least
 * one character. Matching ignores case; the port is part of the authority unless the configuration
 * sets {@code ignore_port_in_host_matching}.
 */
public final class VirtualHosts {

  private VirtualHosts() {}

  /** The virtual host picked, with the domain that matched and the host it was matched on. */
  public record Selection(VirtualHost virtualHost, String domain, String host) {}

  public static Optional<Selection> select(RouteConfiguration config, String authority) {
    String host = (config.getIgnorePortInHostMatching() ? HostNames.withoutPort(authority) : authority)
        .toLowerCase(Locale.ROOT);
    Selection best = null;
    int bestRank = Integer.MAX_VALUE;
    int bestLength = -1;
    for (VirtualHost vh : config.getVirtualHostsList()) {
      for (String d : vh.getDomainsList()) {
        String domain = d.toLowerCase(Locale.ROOT);
        int rank = rank(domain, host);
        int length = domain.length();
        if (rank == Integer.MAX_VALUE) {
          continue;
        }
        if (rank < bestRank || rank == bestRank && rank != 0 && length > bestLength) {
          best = new Selection(vh, d, host);
          bestRank = rank;
          bestLength = length;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** 0 exact, 1 suffix wildcard, 2 prefix wildcard, 3 {@code *}; MAX_VALUE when the domain does not match. */
  static int rank(String domain, String host) {
    if (domain.equals("*")) {
      return 3;
    }
    if (domain.startsWith("*")) {
      String suffix = domain.substring(1);
      return host.length() > suffix.length() && host.endsWith(suffix) ? 1 : Integer.MAX_VALUE;
    }
    if (domain.endsWith("*")) {
      String prefix = domain.substring(0, domain.length() - 1);
      return host.length() > prefix.length() && host.startsWith(prefix) ? 2 : Integer.MAX_VALUE;
    }
    return domain.equals(host) ? 0 : Integer.MAX_VALUE;
  }

  /**
   * Whether a virtual host domain could serve some host a pattern names: for an exact host,
   * whether the domain matches it; for {@code *.example.com}, whether any host under it could
   * match the domain.
   */
  public static boolean couldServe(String domain, String pattern) {
    String d = domain.toLowerCase(Locale.ROOT);
    String h = pattern.toLowerCase(Locale.ROOT);
    if (!h.startsWith("*")) {
      return rank(d, h) != Integer.MAX_VALUE;
    }
    String suffix = h.substring(1); // ".example.com"
    if (d.equals("*")) {
      return true;
    }
    if (d.startsWith("*")) {
      String ds = d.substring(1);
      return ds.endsWith(suffix) || suffix.endsWith(ds);
    }
    if (d.endsWith("*")) {
      return true; // foo.* serves foo.<anything>, some of which end in the suffix
    }
    return d.endsWith(suffix) && d.length() > suffix.length();
  }
}

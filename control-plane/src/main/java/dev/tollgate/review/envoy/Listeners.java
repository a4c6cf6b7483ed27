package dev.tollgate.review.envoy;

import com.google.protobuf.Any;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Which listener and filter chain take a connection. The listener is the one bound to the port;
 * Envoy Gateway's proxies bind a Gateway port below 1024 at that port plus 10000, so both are
 * tried. Filter chains are matched as Envoy does, criterion by criterion, each keeping only the
 * most specific chains that match: destination port, then server name (exact, then the longest
 * {@code *.} wildcard, then none), then transport protocol; when nothing is left, the default
 * filter chain takes the connection.
 */
public final class Listeners {

  private Listeners() {}

  public static final String HTTP_CONNECTION_MANAGER = "envoy.filters.network.http_connection_manager";

  /** The listener, its chain and the chain's connection manager (null for a non-HTTP chain). */
  public record Entry(Listener listener, FilterChain chain, boolean defaultChain, HttpConnectionManager hcm) {}

  public static Optional<Listener> listener(List<Listener> listeners, int port) {
    for (int candidate : new int[] {port, port < 1024 ? port + 10000 : -1}) {
      for (Listener l : listeners) {
        if (l.getAddress().hasSocketAddress() && l.getAddress().getSocketAddress().getPortValue() == candidate) {
          return Optional.of(l);
        }
      }
    }
    return Optional.empty();
  }

  /** The chain for a connection to {@code port} with the given SNI (null without TLS). */
  public static Optional<Entry> chain(Listener listener, int port, String sni) {
    List<FilterChain> left = new ArrayList<>(listener.getFilterChainsList());
    int bound = listener.getAddress().getSocketAddress().getPortValue();
    left = mostSpecific(left, c -> {
      FilterChainMatch m = c.getFilterChainMatch();
      if (!m.hasDestinationPort()) {
        return 1;
      }
      return m.getDestinationPort().getValue() == bound || m.getDestinationPort().getValue() == port ? 0 : -1;
    });
    left = mostSpecific(left, c -> serverNameRank(c.getFilterChainMatch().getServerNamesList(), sni));
    String transport = sni == null ? "raw_buffer" : "tls";
    left = mostSpecific(left, c -> {
      String t = c.getFilterChainMatch().getTransportProtocol();
      return t.isEmpty() ? 1 : t.equals(transport) ? 0 : -1;
    });
    if (!left.isEmpty()) {
      return Optional.of(entry(listener, left.get(0), false));
    }
    return listener.hasDefaultFilterChain() ? Optional.of(entry(listener, listener.getDefaultFilterChain(), true))
        : Optional.empty();
  }

  private static Entry entry(Listener l, FilterChain chain, boolean isDefault) {
    return new Entry(l, chain, isDefault, connectionManager(chain).orElse(null));
  }

  public static Optional<HttpConnectionManager> connectionManager(FilterChain chain) {
    for (Filter f : chain.getFiltersList()) {
      Any config = f.getTypedConfig();
      if (config.is(HttpConnectionManager.class)) {
        return Optional.of(PerFilterConfigs.unpack(config, HttpConnectionManager.class));
      }
    }
    return Optional.empty();
  }

  /** Keeps the chains of the lowest non-negative rank (negative: does not match). */
  private static List<FilterChain> mostSpecific(List<FilterChain> chains, ToIntFunction<FilterChain> rank) {
    int best = Integer.MAX_VALUE;
    for (FilterChain c : chains) {
      int r = rank.applyAsInt(c);
      if (r >= 0 && r < best) {
        best = r;
      }
    }
    List<FilterChain> out = new ArrayList<>();
    for (FilterChain c : chains) {
      if (rank.applyAsInt(c) == best) {
        out.add(c);
      }
    }
    return out;
  }

  /** 0 exact, then wildcards by decreasing length, MAX-1 when the chain names none, -1 no match. */
  static int serverNameRank(List<String> names, String sni) {
    if (names.isEmpty()) {
      return Integer.MAX_VALUE - 1;
    }
    if (sni == null) {
      return -1;
    }
    String host = sni.toLowerCase(Locale.ROOT);
    int best = -1;
    for (String n : names) {
      if (!HostNames.serverNameMatches(n, host)) {
        continue;
      }
      int r = n.startsWith("*.") ? 1_000_000 - n.length() : 0;
      if (best < 0 || r < best) {
        best = r;
      }
    }
    return best;
  }
}

package dev.tollgate.translator.xds;

import dev.tollgate.translator.gateway.Hostnames;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.naming.XdsNames;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a route configuration for one or more Gateway listeners: one virtual host per listener
 * and hostname, routes kept in precedence order.
 */
final class RouteConfigBuilder {

  private final RouteBuilder routes;

  RouteConfigBuilder(RouteBuilder routes) {
    this.routes = routes;
  }

  /**
   * When several HTTP listeners share a port their hostnames can overlap; a hostname is served by
   * the listener with the most specific hostname of its own, so each domain appears once.
   */
  RouteConfiguration build(String name, List<HttpListenerIr> listeners) {
    List<HttpListenerIr> bySpecificity = new ArrayList<>(listeners);
    bySpecificity.sort(Comparator.comparingInt(RouteConfigBuilder::specificity).reversed());
    Set<String> claimed = new HashSet<>();
    List<VirtualHost> hosts = new ArrayList<>();
    for (HttpListenerIr listener : bySpecificity) {
      Map<String, List<RouteIr>> byHost = new LinkedHashMap<>();
      for (RouteIr r : listener.routes()) {
        byHost.computeIfAbsent(r.hostname(), h -> new ArrayList<>()).add(r);
      }
      for (var e : byHost.entrySet()) {
        if (!claimed.add(e.getKey())) {
          continue;
        }
        VirtualHost.Builder vh = VirtualHost.newBuilder()
            .setName(XdsNames.virtualHost(listener.name(), e.getKey()))
            .addDomains(e.getKey());
        for (RouteIr r : e.getValue()) {
          vh.addRoutes(routes.build(r, listener.port()));
        }
        hosts.add(vh.build());
      }
    }
    hosts.sort(Comparator.comparing(VirtualHost::getName));
    return RouteConfiguration.newBuilder()
        .setName(name)
        .setIgnorePortInHostMatching(true)
        .addAllVirtualHosts(hosts)
        .build();
  }

  /** Exact hostnames first, then wildcards with longer suffixes, then listeners without hostname. */
  private static int specificity(HttpListenerIr l) {
    if (l.hostname().equals(Hostnames.ANY)) {
      return 0;
    }
    return l.hostname().startsWith("*.") ? l.hostname().length() : 1000 + l.hostname().length();
  }
}

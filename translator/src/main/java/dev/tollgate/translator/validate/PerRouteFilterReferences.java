package dev.tollgate.translator.validate;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.FilterConfig;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.PerRouteConfig;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-route filter settings must reach a filter. Envoy silently ignores a
 * {@code typed_per_filter_config} entry for a filter the connection manager does not have, and
 * rejects a JWT requirement name its filter does not define; either way a route meant to be
 * protected would not be. Checked for every connection manager that serves a route configuration.
 */
final class PerRouteFilterReferences {

  private static final String HCM_TYPE = "type.googleapis.com/" + HttpConnectionManager.getDescriptor().getFullName();
  private static final String JWT_TYPE = "type.googleapis.com/" + JwtAuthentication.getDescriptor().getFullName();
  private static final String FILTER_CONFIG_TYPE = "type.googleapis.com/" + FilterConfig.getDescriptor().getFullName();
  private static final String JWT_ROUTE_TYPE = "type.googleapis.com/" + PerRouteConfig.getDescriptor().getFullName();

  private PerRouteFilterReferences() {}

  /** What one connection manager offers routes: its filter names and its JWT requirement names. */
  private record Chain(String listener, Set<String> filters, Set<String> requirements) {}

  static void check(Map<XdsType, ? extends List<? extends Message>> resources, List<Violation> violations) {
    List<? extends Message> routeConfigs = listOf(resources, XdsType.ROUTE);
    if (routeConfigs.isEmpty()) {
      return;
    }
    Map<String, List<Chain>> byRouteConfig = chains(listOf(resources, XdsType.LISTENER));
    for (Message m : routeConfigs) {
      RouteConfiguration rc = (RouteConfiguration) m;
      List<Chain> chains = byRouteConfig.getOrDefault(rc.getName(), List.of());
      if (chains.isEmpty()) {
        continue;
      }
      ViolationSink sink = new ViolationSink(() -> XdsType.ROUTE.label() + " " + rc.getName(), violations);
      for (int v = 0; v < rc.getVirtualHostsCount(); v++) {
        VirtualHost vh = rc.getVirtualHosts(v);
        FieldPath vhPath = FieldPath.ROOT.field("virtual_hosts").index(v);
        check(vh.getTypedPerFilterConfigMap(), vhPath.field("typed_per_filter_config"), chains, sink);
        for (int r = 0; r < vh.getRoutesCount(); r++) {
          Route route = vh.getRoutes(r);
          check(route.getTypedPerFilterConfigMap(), vhPath.field("routes").index(r).field("typed_per_filter_config"), chains, sink);
        }
      }
    }
  }

  private static List<? extends Message> listOf(Map<XdsType, ? extends List<? extends Message>> resources, XdsType type) {
    List<? extends Message> list = resources.get(type);
    return list == null ? List.of() : list;
  }

  private static void check(Map<String, Any> perFilter, FieldPath at, List<Chain> chains, ViolationSink sink) {
    if (perFilter.isEmpty()) {
      return;
    }
    perFilter.forEach((name, config) -> {
      if (optionalOrDisabling(config)) {
        return;
      }
      for (Chain chain : chains) {
        if (!chain.filters().contains(name)) {
          sink.add(at.key(name), "listener " + chain.listener() + " has no HTTP filter named " + Violation.quote(name)
              + ", so this setting would be ignored");
        } else if (config.getTypeUrl().equals(JWT_ROUTE_TYPE)) {
          String requirement = requirementName(config);
          if (requirement != null && !chain.requirements().contains(requirement)) {
            sink.add(at.key(name).field("requirement_name"), "the JWT filter of listener " + chain.listener()
                + " has no requirement named " + Violation.quote(requirement));
          }
        }
      }
    });
  }

  /** A FilterConfig marked optional, or one that disables the filter, may name an absent filter. */
  private static boolean optionalOrDisabling(Any config) {
    if (!config.getTypeUrl().equals(FILTER_CONFIG_TYPE)) {
      return false;
    }
    try {
      FilterConfig c = config.unpack(FilterConfig.class);
      return c.getIsOptional() || c.getDisabled();
    } catch (InvalidProtocolBufferException e) {
      return true; // reported by the PGV walk
    }
  }

  private static String requirementName(Any config) {
    try {
      PerRouteConfig c = config.unpack(PerRouteConfig.class);
      return c.getRequirementSpecifierCase() == PerRouteConfig.RequirementSpecifierCase.REQUIREMENT_NAME
          ? c.getRequirementName() : null;
    } catch (InvalidProtocolBufferException e) {
      return null; // reported by the PGV walk
    }
  }

  /** Route configuration name → the connection managers fetching it over RDS. */
  private static Map<String, List<Chain>> chains(List<? extends Message> listeners) {
    Map<String, List<Chain>> out = new HashMap<>();
    for (Message m : listeners) {
      Listener l = (Listener) m;
      List<FilterChain> filterChains = new ArrayList<>(l.getFilterChainsList());
      if (l.hasDefaultFilterChain()) {
        filterChains.add(l.getDefaultFilterChain());
      }
      for (FilterChain fc : filterChains) {
        for (Filter f : fc.getFiltersList()) {
          if (!f.hasTypedConfig() || !f.getTypedConfig().getTypeUrl().equals(HCM_TYPE)) {
            continue;
          }
          HttpConnectionManager hcm;
          try {
            hcm = f.getTypedConfig().unpack(HttpConnectionManager.class);
          } catch (InvalidProtocolBufferException e) {
            continue; // reported by the PGV walk
          }
          if (!hcm.hasRds()) {
            continue;
          }
          Set<String> names = new HashSet<>();
          Set<String> requirements = new HashSet<>();
          for (HttpFilter hf : hcm.getHttpFiltersList()) {
            names.add(hf.getName());
            if (hf.hasTypedConfig() && hf.getTypedConfig().getTypeUrl().equals(JWT_TYPE)) {
              try {
                requirements.addAll(hf.getTypedConfig().unpack(JwtAuthentication.class).getRequirementMapMap().keySet());
              } catch (InvalidProtocolBufferException e) {
                // reported by the PGV walk
              }
            }
          }
          out.computeIfAbsent(hcm.getRds().getRouteConfigName(), k -> new ArrayList<>())
              .add(new Chain(l.getName(), names, requirements));
        }
      }
    }
    return out;
  }
}

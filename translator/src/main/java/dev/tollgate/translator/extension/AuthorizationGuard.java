package dev.tollgate.translator.extension;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.tollgate.translator.xds.filter.apikey.ApiKeyAuthFilter;
import dev.tollgate.translator.xds.filter.basicauth.BasicAuthFilter;
import dev.tollgate.translator.xds.filter.extauthz.ExtAuthzFilter;
import dev.tollgate.translator.xds.filter.jwt.JwtAuthnFilter;
import dev.tollgate.translator.xds.filter.rbac.RbacFilter;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps an extension from weakening the authentication and authorization SecurityPolicies put in
 * place, which a security reviewer relies on. What an extension may not do:
 *
 * <ul>
 *   <li>remove or change the authentication (JWT, API key, basic) and authorization (rules,
 *       external) filters of a connection manager, or
 *       point it at other routes;
 *   <li>remove a protected route, change its match, or change or drop its authorization settings;
 *   <li>in a virtual host with protected routes, change its domains, or insert, remove, reorder or
 *       re-match any route up to the last protected one, since an earlier route could catch its
 *       requests (routes may be added after it).
 * </ul>
 *
 * Anything else is the extension's to change. Each check returns what was weakened, empty when
 * nothing was.
 */
final class AuthorizationGuard {

  private static final String HCM = "envoy.filters.network.http_connection_manager";

  private AuthorizationGuard() {}

  /** The filters that authenticate or authorize: each a name or the prefix of a per-policy name. */
  private static final List<String> AUTHORIZATION_FILTERS =
      List.of(JwtAuthnFilter.NAME, ApiKeyAuthFilter.NAME, BasicAuthFilter.NAME, RbacFilter.NAME, ExtAuthzFilter.NAME);

  static boolean isAuthorizationFilter(String name) {
    return AUTHORIZATION_FILTERS.stream().anyMatch(name::startsWith);
  }

  /** A route's authorization settings: its per-filter configuration for the authorization filters. */
  static Map<String, Any> authorization(Route route) {
    Map<String, Any> out = new TreeMap<>();
    route.getTypedPerFilterConfigMap().forEach((k, v) -> {
      if (isAuthorizationFilter(k)) {
        out.put(k, v);
      }
    });
    return out;
  }

  static boolean isProtected(Route route) {
    return !authorization(route).isEmpty();
  }

  static List<String> route(Route before, Route after, boolean inProtectedHost) {
    List<String> out = new ArrayList<>();
    boolean guarded = isProtected(before) || inProtectedHost;
    if (guarded && !before.getName().equals(after.getName())) {
      out.add("renamed route " + before.getName());
    }
    if (guarded && !before.getMatch().equals(after.getMatch())) {
      out.add("changed the match of route " + before.getName());
    }
    if (!authorization(before).equals(authorization(after))) {
      out.add("changed the authorization settings of route " + before.getName());
    }
    return out;
  }

  static List<String> virtualHost(VirtualHost before, VirtualHost after) {
    List<String> out = new ArrayList<>();
    int lastProtected = -1;
    for (int i = 0; i < before.getRoutesCount(); i++) {
      if (isProtected(before.getRoutes(i))) {
        lastProtected = i;
      }
    }
    if (lastProtected < 0) {
      return out;
    }
    if (!before.getDomainsList().equals(after.getDomainsList())) {
      out.add("changed the domains of virtual host " + before.getName() + ", which has protected routes");
    }
    for (int i = 0; i <= lastProtected; i++) {
      Route was = before.getRoutes(i);
      if (i >= after.getRoutesCount() || !after.getRoutes(i).getName().equals(was.getName())) {
        out.add("removed, moved or put another route before route " + was.getName() + " in virtual host " + before.getName()
            + ", which has protected routes");
        return out;
      }
      out.addAll(route(was, after.getRoutes(i), true));
    }
    return out;
  }

  static List<String> routeConfiguration(RouteConfiguration before, RouteConfiguration after) {
    Map<String, VirtualHost> byName = new HashMap<>();
    after.getVirtualHostsList().forEach(vh -> byName.put(vh.getName(), vh));
    List<String> out = new ArrayList<>();
    for (VirtualHost vh : before.getVirtualHostsList()) {
      VirtualHost now = byName.get(vh.getName());
      if (now == null) {
        if (vh.getRoutesList().stream().anyMatch(AuthorizationGuard::isProtected)) {
          out.add("removed virtual host " + vh.getName() + ", which has protected routes");
        }
      } else {
        out.addAll(virtualHost(vh, now));
      }
    }
    return out;
  }

  static List<String> listener(Listener before, Listener after) {
    List<String> out = new ArrayList<>();
    List<HttpConnectionManager> was = connectionManagers(before);
    List<HttpConnectionManager> now = connectionManagers(after);
    boolean anyAuthorization = was.stream().anyMatch(h -> !authorizationFilters(h).isEmpty());
    if (!anyAuthorization) {
      return out;
    }
    if (was.size() != now.size()) {
      out.add("added or removed connection managers of listener " + before.getName() + ", which authorizes requests");
      return out;
    }
    for (int i = 0; i < was.size(); i++) {
      if (!routeSource(was.get(i)).equals(routeSource(now.get(i)))) {
        out.add("changed which routes a connection manager of listener " + before.getName() + " uses");
      }
      if (!authorizationFilters(was.get(i)).equals(authorizationFilters(now.get(i)))) {
        out.add("removed or changed the authentication or authorization filters of listener " + before.getName());
      }
    }
    return out;
  }

  private static List<HttpFilter> authorizationFilters(HttpConnectionManager hcm) {
    return hcm.getHttpFiltersList().stream().filter(f -> isAuthorizationFilter(f.getName())).toList();
  }

  private static String routeSource(HttpConnectionManager hcm) {
    return hcm.hasRds() ? "rds:" + hcm.getRds().getRouteConfigName() : hcm.hasRouteConfig() ? "inline" : "other";
  }

  /** The connection managers of every filter chain, the default one last. */
  private static List<HttpConnectionManager> connectionManagers(Listener listener) {
    List<FilterChain> chains = new ArrayList<>(listener.getFilterChainsList());
    if (listener.hasDefaultFilterChain()) {
      chains.add(listener.getDefaultFilterChain());
    }
    List<HttpConnectionManager> out = new ArrayList<>();
    for (FilterChain chain : chains) {
      for (Filter f : chain.getFiltersList()) {
        if (f.getName().equals(HCM) && f.hasTypedConfig()) {
          try {
            out.add(f.getTypedConfig().unpack(HttpConnectionManager.class));
          } catch (InvalidProtocolBufferException e) {
            out.add(HttpConnectionManager.getDefaultInstance()); // unreadable: counts as changed
          }
        }
      }
    }
    return out;
  }
}

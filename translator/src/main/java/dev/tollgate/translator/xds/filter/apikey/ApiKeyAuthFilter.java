package dev.tollgate.translator.xds.filter.apikey;

import dev.tollgate.translator.ir.ApiKeyAuthIr;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.xds.filter.HttpFilterContributor;
import dev.tollgate.translator.xds.filter.PerRouteFilters;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth;
import io.envoyproxy.envoy.extensions.filters.http.api_key_auth.v3.Credential;
import io.envoyproxy.envoy.extensions.filters.http.api_key_auth.v3.KeySource;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;

/**
 * Envoy's API key authentication, one filter per SecurityPolicy holding its keys, enabled on the
 * policy's routes. Runs after JWT authentication and before the authorization filters. With
 * {@code sanitize} the key's headers are removed before the request goes upstream.
 */
public final class ApiKeyAuthFilter implements HttpFilterContributor {

  public static final String NAME = "envoy.filters.http.api_key_auth";

  @Override
  public String filterName() {
    return NAME;
  }

  @Override
  public int order() {
    return 110;
  }

  @Override
  public List<HttpFilter> httpFilters(GatewayIr gateway, List<HttpListenerIr> listeners) {
    return PerRouteFilters.disabled(listeners, ApiKeyAuthFilter::apiKeyAuth, ApiKeyAuthIr::filterName, ApiKeyAuthFilter::config);
  }

  @Override
  public void configureRoute(RouteIr route, Route.Builder envoyRoute) {
    ApiKeyAuthIr auth = apiKeyAuth(route);
    if (auth != null) {
      PerRouteFilters.enable(envoyRoute, auth.filterName());
      auth.removeHeaders().forEach(envoyRoute::addRequestHeadersToRemove);
    }
  }

  static ApiKeyAuth config(ApiKeyAuthIr auth) {
    ApiKeyAuth.Builder b = ApiKeyAuth.newBuilder();
    auth.credentials().forEach(c -> b.addCredentials(Credential.newBuilder().setClient(c.client()).setKey(c.key())));
    for (ApiKeyAuthIr.KeySource s : auth.keySources()) {
      KeySource.Builder source = KeySource.newBuilder();
      if (s.header() != null) {
        source.setHeader(s.header());
      } else if (s.query() != null) {
        source.setQuery(s.query());
      } else {
        source.setCookie(s.cookie());
      }
      b.addKeySources(source);
    }
    return b.build();
  }

  private static ApiKeyAuthIr apiKeyAuth(RouteIr r) {
    return r.security() == null ? null : r.security().apiKeyAuth();
  }
}

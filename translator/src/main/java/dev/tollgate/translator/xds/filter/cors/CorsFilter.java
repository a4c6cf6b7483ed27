package dev.tollgate.translator.xds.filter.cors;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import dev.tollgate.translator.ir.CorsIr;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.xds.Matchers;
import dev.tollgate.translator.xds.filter.HttpFilterContributor;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.Cors;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;

/**
 * Envoy's CORS filter: one per connection manager, first in the chain so that a browser's
 * preflight is answered before authentication could reject it (preflights carry no
 * credentials). The policy lives on each protected route; routes without one are untouched.
 */
public final class CorsFilter implements HttpFilterContributor {

  public static final String NAME = "envoy.filters.http.cors";

  @Override
  public String filterName() {
    return NAME;
  }

  @Override
  public int order() {
    return 50;
  }

  @Override
  public List<HttpFilter> httpFilters(GatewayIr gateway, List<HttpListenerIr> listeners) {
    boolean any = listeners.stream().flatMap(l -> l.routes().stream()).anyMatch(r -> cors(r) != null);
    return any ? List.of(HttpFilter.newBuilder().setName(NAME).setTypedConfig(Any.pack(Cors.getDefaultInstance())).build())
        : List.of();
  }

  @Override
  public void configureRoute(RouteIr route, Route.Builder envoyRoute) {
    CorsIr cors = cors(route);
    if (cors != null) {
      envoyRoute.putTypedPerFilterConfig(NAME, Any.pack(policy(cors)));
    }
  }

  private static CorsIr cors(RouteIr r) {
    return r.security() == null ? null : r.security().cors();
  }

  static CorsPolicy policy(CorsIr cors) {
    CorsPolicy.Builder b = CorsPolicy.newBuilder()
        .setAllowMethods(String.join(",", cors.allowMethods()))
        .setAllowHeaders(String.join(",", cors.allowHeaders()))
        .setExposeHeaders(String.join(",", cors.exposeHeaders()))
        .setAllowCredentials(BoolValue.of(cors.allowCredentials()));
    cors.origins().forEach(origin -> b.addAllowOriginStringMatch(Matchers.of(origin)));
    if (cors.maxAgeSeconds() != null) {
      b.setMaxAge(Long.toString(cors.maxAgeSeconds()));
    }
    return b.build();
  }
}

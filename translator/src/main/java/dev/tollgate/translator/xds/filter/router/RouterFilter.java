package dev.tollgate.translator.xds.filter.router;

import com.google.protobuf.Any;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.xds.filter.HttpFilterContributor;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;

/** Envoy's router: always present, always last. */
public final class RouterFilter implements HttpFilterContributor {

  public static final String NAME = "envoy.filters.http.router";

  @Override
  public String filterName() {
    return NAME;
  }

  @Override
  public int order() {
    return Integer.MAX_VALUE;
  }

  @Override
  public List<HttpFilter> httpFilters(GatewayIr gateway, List<HttpListenerIr> listeners) {
    // x-envoy-* response headers leak internals to clients at the edge.
    Router router = Router.newBuilder().setSuppressEnvoyHeaders(true).build();
    return List.of(HttpFilter.newBuilder().setName(NAME).setTypedConfig(Any.pack(router)).build());
  }
}

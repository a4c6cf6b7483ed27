package dev.tollgate.translator.xds.filter.lua;

import dev.tollgate.translator.ir.ExtensionsIr;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.xds.filter.HttpFilterContributor;
import dev.tollgate.translator.xds.filter.PerRouteFilters;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.extensions.filters.http.lua.v3.Lua;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;

/**
 * Envoy's Lua filter, one per script of an EnvoyExtensionPolicy, disabled on the listener and
 * enabled on the policy's routes. Ordered after authentication and authorization, so a script
 * never runs on a request that was not let in.
 */
public final class LuaFilter implements HttpFilterContributor {

  public static final String NAME = "envoy.filters.http.lua";

  @Override
  public String filterName() {
    return NAME;
  }

  @Override
  public int order() {
    return 300;
  }

  @Override
  public List<HttpFilter> httpFilters(GatewayIr gateway, List<HttpListenerIr> listeners) {
    return PerRouteFilters.disabledEach(listeners, LuaFilter::scripts, ExtensionsIr.Lua::filterName,
        s -> Lua.newBuilder().setDefaultSourceCode(DataSource.newBuilder().setInlineString(s.source())).build());
  }

  @Override
  public void configureRoute(RouteIr route, Route.Builder envoyRoute) {
    scripts(route).forEach(s -> PerRouteFilters.enable(envoyRoute, s.filterName()));
  }

  private static List<ExtensionsIr.Lua> scripts(RouteIr r) {
    return r.extensionFilters() == null ? List.of() : r.extensionFilters().lua();
  }
}

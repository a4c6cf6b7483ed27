package dev.tollgate.translator.xds.filter;

import dev.tollgate.translator.xds.filter.apikey.ApiKeyAuthFilter;
import dev.tollgate.translator.xds.filter.basicauth.BasicAuthFilter;
import dev.tollgate.translator.xds.filter.cors.CorsFilter;
import dev.tollgate.translator.xds.filter.extauthz.ExtAuthzFilter;
import dev.tollgate.translator.xds.filter.extproc.ExtProcFilter;
import dev.tollgate.translator.xds.filter.jwt.JwtAuthnFilter;
import dev.tollgate.translator.xds.filter.lua.LuaFilter;
import dev.tollgate.translator.xds.filter.rbac.RbacFilter;
import dev.tollgate.translator.xds.filter.router.RouterFilter;
import dev.tollgate.translator.xds.filter.wasm.WasmFilter;
import java.util.Comparator;
import java.util.List;

/** The HTTP filters Tollgate knows, in one explicit list. */
public final class HttpFilters {

  private HttpFilters() {}

  /** All contributors, sorted by their order. */
  public static List<HttpFilterContributor> all() {
    return List.<HttpFilterContributor>of(
            new CorsFilter(),
            new JwtAuthnFilter(),
            new ApiKeyAuthFilter(),
            new BasicAuthFilter(),
            new RbacFilter(),
            new ExtAuthzFilter(),
            new LuaFilter(),
            new ExtProcFilter(),
            new WasmFilter(),
            new RouterFilter())
        .stream()
        .sorted(Comparator.comparingInt(HttpFilterContributor::order))
        .toList();
  }
}

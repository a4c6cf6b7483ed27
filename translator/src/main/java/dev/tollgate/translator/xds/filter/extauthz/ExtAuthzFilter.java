package dev.tollgate.translator.xds.filter.extauthz;

import com.google.protobuf.Any;
import dev.tollgate.translator.ir.ExtAuthIr;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.Protos;
import dev.tollgate.translator.xds.XdsStage;
import dev.tollgate.translator.xds.filter.HttpFilterContributor;
import dev.tollgate.translator.xds.filter.PerRouteFilters;
import dev.tollgate.translator.xds.filter.jwt.JwtAuthnFilter;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.config.core.v3.HttpUri;
import io.envoyproxy.envoy.config.route.v3.FilterConfig;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.AuthorizationResponse;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.BufferSettings;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.CheckSettings;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthz;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthzPerRoute;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.HttpService;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.type.matcher.v3.ListStringMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.envoyproxy.envoy.type.v3.HttpStatus;
import io.envoyproxy.envoy.type.v3.StatusCode;
import java.util.List;

/**
 * Envoy's external authorization: one filter per SecurityPolicy
 * ({@code envoy.filters.http.ext_authz/securitypolicy/ns/name}), disabled on the connection
 * manager and enabled only on the routes the policy applies to, where it also carries the
 * route's identity as context extensions. Every other route on the listener is untouched.
 */
public final class ExtAuthzFilter implements HttpFilterContributor {

  public static final String NAME = "envoy.filters.http.ext_authz";

  @Override
  public String filterName() {
    return NAME;
  }

  @Override
  public int order() {
    return 200;
  }

  @Override
  public List<HttpFilter> httpFilters(GatewayIr gateway, List<HttpListenerIr> listeners) {
    return PerRouteFilters.disabled(listeners, ExtAuthzFilter::extAuth, ExtAuthIr::filterName, ExtAuthzFilter::config);
  }

  @Override
  public void configureRoute(RouteIr route, Route.Builder envoyRoute) {
    ExtAuthIr ext = extAuth(route);
    if (ext == null) {
      return;
    }
    ExtAuthzPerRoute perRoute = ExtAuthzPerRoute.newBuilder()
        .setCheckSettings(CheckSettings.newBuilder().putAllContextExtensions(route.security().contextExtensions()))
        .build();
    envoyRoute.putTypedPerFilterConfig(ext.filterName(),
        Any.pack(FilterConfig.newBuilder().setConfig(Any.pack(perRoute)).build()));
  }

  @Override
  public void addResources(GatewayIr gateway, GatewayXds.Builder out) {
    for (HttpListenerIr l : gateway.httpListeners()) {
      for (RouteIr r : l.routes()) {
        ExtAuthIr ext = extAuth(r);
        if (ext != null) {
          XdsStage.addDestination(out, ext.destination());
        }
      }
    }
  }

  private static ExtAuthIr extAuth(RouteIr r) {
    return r.security() == null ? null : r.security().extAuth();
  }

  static ExtAuthz config(ExtAuthIr ext) {
    ExtAuthz.Builder b = ExtAuthz.newBuilder()
        .setTransportApiVersion(ApiVersion.V3)
        .setFailureModeAllow(ext.failOpen())
        .setClearRouteCache(ext.recomputeRoute());
    if (ext.grpc()) {
      b.setGrpcService(GrpcService.newBuilder()
          .setEnvoyGrpc(GrpcService.EnvoyGrpc.newBuilder().setClusterName(ext.destination().name()).setAuthority(ext.authority()))
          .setTimeout(Protos.millis(ext.timeoutMillis())));
    } else {
      String path = ext.path() == null ? "" : ext.path();
      HttpService.Builder http = HttpService.newBuilder()
          .setServerUri(HttpUri.newBuilder().setUri("http://" + ext.authority() + path)
              .setCluster(ext.destination().name()).setTimeout(Protos.millis(ext.timeoutMillis())))
          .setPathPrefix(path);
      if (!ext.headersToBackend().isEmpty()) {
        http.setAuthorizationResponse(AuthorizationResponse.newBuilder().setAllowedUpstreamHeaders(matchers(ext.headersToBackend())));
      }
      b.setHttpService(http);
    }
    if (!ext.headersToExtAuth().isEmpty()) {
      b.setAllowedHeaders(matchers(ext.headersToExtAuth()));
    }
    if (ext.body() != null) {
      b.setWithRequestBody(BufferSettings.newBuilder()
          .setMaxRequestBytes(ext.body().maxRequestBytes())
          .setAllowPartialMessage(ext.body().allowPartialMessage())
          .setPackAsBytes(ext.body().packAsBytes()));
    }
    if (ext.jwtPayloadToExtAuth()) {
      // Filter metadata is written by Envoy's filters only, so unlike a copied header a client cannot forge it.
      b.addMetadataContextNamespaces(JwtAuthnFilter.NAME);
    }
    if (ext.statusOnError() != null) {
      b.setStatusOnError(HttpStatus.newBuilder().setCode(StatusCode.forNumber(ext.statusOnError())));
    }
    return b.build();
  }

  /** Header names, matched exactly but case-insensitively as HTTP header names are. */
  private static ListStringMatcher matchers(List<String> names) {
    ListStringMatcher.Builder list = ListStringMatcher.newBuilder();
    names.forEach(n -> list.addPatterns(StringMatcher.newBuilder().setExact(n).setIgnoreCase(true)));
    return list.build();
  }
}

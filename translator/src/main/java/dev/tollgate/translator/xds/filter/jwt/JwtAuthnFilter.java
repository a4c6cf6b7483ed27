package dev.tollgate.translator.xds.filter.jwt;

import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.JwtIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.naming.XdsNames;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.Protos;
import dev.tollgate.translator.xds.XdsStage;
import dev.tollgate.translator.xds.XdsType;
import dev.tollgate.translator.xds.filter.HttpFilterContributor;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.HttpUri;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtClaimToHeader;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtHeader;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtProvider;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtRequirement;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtRequirementOrList;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwksAsyncFetch;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.PerRouteConfig;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.RemoteJwks;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Envoy's JWT authentication: one filter per connection manager holding every provider of its
 * routes (named {@code <route>/<provider>}) and one requirement per protected route; a route
 * selects its requirement by name, and routes without one are not checked.
 */
public final class JwtAuthnFilter implements HttpFilterContributor {

  public static final String NAME = "envoy.filters.http.jwt_authn";
  private static final String TLS_TRANSPORT_SOCKET = "envoy.transport_sockets.tls";
  /** Debian's and most distributions' system trust bundle, as Envoy Gateway uses. */
  static final String SYSTEM_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";
  private static final long FETCH_TIMEOUT_MILLIS = 10_000;

  @Override
  public String filterName() {
    return NAME;
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public List<HttpFilter> httpFilters(GatewayIr gateway, List<HttpListenerIr> listeners) {
    Map<String, RouteIr> protectedRoutes = new TreeMap<>();
    for (HttpListenerIr l : listeners) {
      for (RouteIr r : l.routes()) {
        if (jwt(r) != null) {
          protectedRoutes.putIfAbsent(r.name(), r);
        }
      }
    }
    if (protectedRoutes.isEmpty()) {
      return List.of();
    }
    JwtAuthentication.Builder config = JwtAuthentication.newBuilder();
    for (RouteIr r : protectedRoutes.values()) {
      JwtIr jwt = jwt(r);
      List<String> names = jwt.providers().stream().map(p -> XdsNames.jwtProvider(r.name(), p.name())).toList();
      for (int i = 0; i < names.size(); i++) {
        config.putProviders(names.get(i), provider(jwt.providers().get(i)));
      }
      config.putRequirementMap(r.name(), requirement(names, jwt));
    }
    return List.of(HttpFilter.newBuilder().setName(NAME).setTypedConfig(Any.pack(config.build())).build());
  }

  @Override
  public void configureRoute(RouteIr route, Route.Builder envoyRoute) {
    if (jwt(route) != null) {
      envoyRoute.putTypedPerFilterConfig(NAME, Any.pack(PerRouteConfig.newBuilder().setRequirementName(route.name()).build()));
    }
  }

  @Override
  public void addResources(GatewayIr gateway, GatewayXds.Builder out) {
    for (HttpListenerIr l : gateway.httpListeners()) {
      for (RouteIr r : l.routes()) {
        JwtIr jwt = jwt(r);
        if (jwt == null) {
          continue;
        }
        for (JwtIr.Provider p : jwt.providers()) {
          if (p.remoteJwks() != null) {
            addJwksCluster(p.remoteJwks(), out);
          }
        }
      }
    }
  }

  private static JwtIr jwt(RouteIr r) {
    return r.security() == null ? null : r.security().jwt();
  }

  /** One provider must accept the token; optional adds "no token", failOpen "whatever the token". */
  private static JwtRequirement requirement(List<String> providers, JwtIr jwt) {
    if (providers.size() == 1 && !jwt.optional() && !jwt.failOpen()) {
      return JwtRequirement.newBuilder().setProviderName(providers.get(0)).build();
    }
    JwtRequirementOrList.Builder any = JwtRequirementOrList.newBuilder();
    providers.forEach(p -> any.addRequirements(JwtRequirement.newBuilder().setProviderName(p)));
    if (jwt.failOpen()) {
      any.addRequirements(JwtRequirement.newBuilder().setAllowMissingOrFailed(Empty.getDefaultInstance()));
    } else if (jwt.optional()) {
      any.addRequirements(JwtRequirement.newBuilder().setAllowMissing(Empty.getDefaultInstance()));
    }
    return JwtRequirement.newBuilder().setRequiresAny(any).build();
  }

  private static JwtProvider provider(JwtIr.Provider p) {
    JwtProvider.Builder b = JwtProvider.newBuilder()
        .setForward(true)
        .setPayloadInMetadata(p.name())
        .setClearRouteCache(p.recomputeRoute())
        .addAllAudiences(p.audiences());
    if (p.issuer() != null) {
      b.setIssuer(p.issuer());
    }
    if (p.remoteJwks() != null) {
      b.setRemoteJwks(RemoteJwks.newBuilder()
          .setHttpUri(HttpUri.newBuilder().setUri(p.remoteJwks().uri())
              .setCluster(p.remoteJwks().destination().name()).setTimeout(Protos.millis(FETCH_TIMEOUT_MILLIS)))
          .setCacheDuration(Protos.millis(p.remoteJwks().cacheDurationMillis()))
          .setAsyncFetch(JwksAsyncFetch.getDefaultInstance()));
    } else {
      b.setLocalJwks(DataSource.newBuilder().setInlineString(p.localJwks()));
    }
    for (JwtIr.ClaimHeader c : p.claimToHeaders()) {
      b.addClaimToHeaders(JwtClaimToHeader.newBuilder().setClaimName(c.claim()).setHeaderName(c.header()));
    }
    for (JwtIr.HeaderSource h : p.fromHeaders()) {
      JwtHeader.Builder header = JwtHeader.newBuilder().setName(h.name());
      if (h.valuePrefix() != null) {
        header.setValuePrefix(h.valuePrefix());
      }
      b.addFromHeaders(header);
    }
    b.addAllFromCookies(p.fromCookies()).addAllFromParams(p.fromParams());
    return b.build();
  }

  /** The JWKS server's cluster, always over TLS: keys fetched in clear could be swapped on the way. */
  private static void addJwksCluster(JwtIr.RemoteJwks remote, GatewayXds.Builder out) {
    String name = remote.destination().name();
    boolean existed = out.contains(XdsType.CLUSTER, name);
    XdsStage.addDestination(out, remote.destination());
    if (existed) {
      return;
    }
    Cluster plain = (Cluster) out.get(XdsType.CLUSTER, name);
    UpstreamTlsContext tls = UpstreamTlsContext.newBuilder()
        .setSni(java.net.URI.create(remote.uri()).getHost())
        .setCommonTlsContext(CommonTlsContext.newBuilder().setValidationContext(CertificateValidationContext.newBuilder()
            .setTrustedCa(DataSource.newBuilder().setFilename(SYSTEM_CA_BUNDLE))))
        .build();
    out.put(XdsType.CLUSTER, plain.toBuilder()
        .setTransportSocket(TransportSocket.newBuilder().setName(TLS_TRANSPORT_SOCKET).setTypedConfig(Any.pack(tls)))
        .build(), remote.destination().source());
  }
}

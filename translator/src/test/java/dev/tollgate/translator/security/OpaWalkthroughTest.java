package dev.tollgate.translator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.tollgate.testing.Golden;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.status.ObjectStatus;
import dev.tollgate.translator.status.PolicyStatus;
import dev.tollgate.translator.status.RouteStatus;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthz;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtProvider;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Envoy Gateway's OPA-sidecar walkthrough, its manifests unchanged, checked point by point on the
 * generated Envoy messages: JWT authentication then OPA over a unix socket, on the labelled route
 * only.
 */
class OpaWalkthroughTest {

  private static final String JWKS_URI =
      "https://raw.githubusercontent.com/envoyproxy/gateway/refs/heads/main/examples/kubernetes/jwt/jwks.json";
  private static final String AUTHZ_FILTER = "envoy.filters.http.ext_authz/securitypolicy/default/opa-jwt-authz";
  private static final String AUTHZ_CLUSTER = "securitypolicy/default/opa-jwt-authz/extauth/0";

  private static TranslationResult result;
  private static GatewayXds xds;

  @BeforeAll
  static void translate() throws Exception {
    var reader = new ManifestReader().read(Golden.testdata().resolve("security/opa-sidecar.in.yaml").toString());
    result = new Pipeline(Golden.config(Golden.testdata().resolve("security/opa-sidecar.in.yaml"))).run(reader.resources(), List.of());
    xds = result.gateways().get("default/eg");
  }

  private static HttpConnectionManager hcm() throws InvalidProtocolBufferException {
    Listener listener = (Listener) xds.resource(XdsType.LISTENER, "default/eg/http").orElseThrow();
    return listener.getDefaultFilterChain().getFilters(0).getTypedConfig().unpack(HttpConnectionManager.class);
  }

  private static Route route(String domain) {
    RouteConfiguration rc = (RouteConfiguration) xds.resource(XdsType.ROUTE, "default/eg/http").orElseThrow();
    VirtualHost vh = rc.getVirtualHostsList().stream().filter(v -> v.getDomainsList().contains(domain)).findFirst().orElseThrow();
    assertThat(vh.getRoutesCount()).isEqualTo(1);
    return vh.getRoutes(0);
  }

  private static <T extends Message> T unpack(Any any, Class<T> type) throws InvalidProtocolBufferException {
    return any.unpack(type);
  }

  @Test
  void httpFilters_areJwtThenExtAuthzThenRouter() throws Exception {
    assertThat(hcm().getHttpFiltersList()).extracting(HttpFilter::getName)
        .containsExactly("envoy.filters.http.jwt_authn", AUTHZ_FILTER, "envoy.filters.http.router");
  }

  @Test
  void jwt_fetchesTheWalkthroughKeysOverTlsAndForwardsIssAsHeader() throws Exception {
    JwtAuthentication jwt = unpack(hcm().getHttpFilters(0).getTypedConfig(), JwtAuthentication.class);
    JwtProvider provider = jwt.getProvidersMap().get("httproute/default/test-opa/rule/0/match/0/foo_bar_com/my-jwt-validator");
    assertThat(provider).isNotNull();
    assertThat(provider.getRemoteJwks().getHttpUri().getUri()).isEqualTo(JWKS_URI);
    assertThat(provider.getClaimToHeadersList()).singleElement().satisfies(c -> {
      assertThat(c.getClaimName()).isEqualTo("iss");
      assertThat(c.getHeaderName()).isEqualTo("x-jwt-iss");
    });
    String clusterName = provider.getRemoteJwks().getHttpUri().getCluster();
    Cluster cluster = (Cluster) xds.resource(XdsType.CLUSTER, clusterName).orElseThrow();
    assertThat(cluster.getType()).isEqualTo(Cluster.DiscoveryType.STRICT_DNS);
    var address = cluster.getLoadAssignment().getEndpoints(0).getLbEndpoints(0).getEndpoint().getAddress().getSocketAddress();
    assertThat(address.getAddress()).isEqualTo("raw.githubusercontent.com");
    assertThat(address.getPortValue()).isEqualTo(443);
    UpstreamTlsContext tls = unpack(cluster.getTransportSocket().getTypedConfig(), UpstreamTlsContext.class);
    assertThat(tls.getSni()).isEqualTo("raw.githubusercontent.com");
    assertThat(tls.getCommonTlsContext().getValidationContext().getTrustedCa().getFilename()).isNotEmpty();
  }

  @Test
  void extAuthz_speaksGrpcOverHttp2ToTheUnixSocketAndReceivesTheIssHeader() throws Exception {
    HttpFilter filter = hcm().getHttpFilters(1);
    ExtAuthz authz = unpack(filter.getTypedConfig(), ExtAuthz.class);
    assertThat(filter.getDisabled()).as("enabled per route only").isTrue();
    assertThat(authz.getGrpcService().getEnvoyGrpc().getClusterName()).isEqualTo(AUTHZ_CLUSTER);
    assertThat(authz.getFailureModeAllow()).isFalse();
    assertThat(authz.getAllowedHeaders().getPatternsList()).anySatisfy(m -> assertThat(m.getExact()).isEqualTo("x-jwt-iss"));
    Cluster cluster = (Cluster) xds.resource(XdsType.CLUSTER, AUTHZ_CLUSTER).orElseThrow();
    HttpProtocolOptions options = unpack(cluster.getTypedExtensionProtocolOptionsMap()
        .get("envoy.extensions.upstreams.http.v3.HttpProtocolOptions"), HttpProtocolOptions.class);
    assertThat(options.getExplicitHttpConfig().hasHttp2ProtocolOptions()).isTrue();
    ClusterLoadAssignment cla = (ClusterLoadAssignment) xds.resource(XdsType.ENDPOINT, AUTHZ_CLUSTER).orElseThrow();
    List<LbEndpoint> endpoints = cla.getEndpointsList().stream().flatMap(l -> l.getLbEndpointsList().stream()).toList();
    assertThat(endpoints).singleElement().satisfies(e ->
        assertThat(e.getEndpoint().getAddress().getPipe().getPath()).isEqualTo("/shared/opa/opa.sock"));
  }

  @Test
  void labelledRoute_isAuthenticatedAndAuthorized_otherRouteIsNeither() {
    Route protectedRoute = route("foo.bar.com");
    assertThat(protectedRoute.getMatch().getPathSeparatedPrefix()).isEqualTo("/test-opa");
    assertThat(protectedRoute.getTypedPerFilterConfigMap()).containsKeys("envoy.filters.http.jwt_authn", AUTHZ_FILTER);
    Route open = route("www.example.com");
    assertThat(open.getMatch().getPrefix()).isEqualTo("/");
    assertThat(open.getTypedPerFilterConfigMap()).isEmpty();
  }

  @Test
  void securityPolicyAndRoute_areAccepted() {
    PolicyStatus policy = (PolicyStatus) status("SecurityPolicy", "opa-jwt-authz").orElseThrow().status();
    assertThat(policy.ancestors()).singleElement().satisfies(a -> {
      assertThat(a.ancestorRef().name()).isEqualTo("eg");
      assertThat(a.conditions()).anySatisfy(c -> {
        assertThat(c.type()).isEqualTo("Accepted");
        assertThat(c.status()).isEqualTo("True");
      });
    });
    RouteStatus route = (RouteStatus) status("HTTPRoute", "test-opa").orElseThrow().status();
    assertThat(route.parents()).singleElement().satisfies(p ->
        assertThat(p.conditions()).allSatisfy(c -> assertThat(c.status()).isEqualTo("True")));
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void listenerAndRoutes_nameThePolicyAsTheirSource() {
    ObjectKey policy = new ObjectKey("SecurityPolicy", "default", "opa-jwt-authz");
    assertThat(xds.sources(XdsType.LISTENER, "default/eg/http")).contains(policy);
    assertThat(xds.sources(XdsType.ROUTE, "default/eg/http")).contains(policy);
    assertThat(xds.sources(XdsType.CLUSTER, AUTHZ_CLUSTER)).containsExactly(new ObjectKey("Backend", "default", "opa-unix-socket"), policy);
  }

  private static Optional<ObjectStatus> status(String kind, String name) {
    return result.statuses().stream().filter(s -> s.kind().equals(kind) && s.name().equals(name)).findFirst();
  }
}

package dev.tollgate.translator.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.rbac.v3.Policy;
import io.envoyproxy.envoy.config.rbac.v3.Principal;
import io.envoyproxy.envoy.config.route.v3.FilterConfig;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy;
import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBACPerRoute;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The walkthrough's policy on test-opa completed with authorization rules (GET from 10.0.0.0/8
 * with the JWT claim groups containing admin, default Deny), an API key and CORS, checked on the
 * generated Envoy messages: each is there, only on test-opa; the other route is untouched.
 */
class OpaWalkthroughAuthorizationTest {

  private static final String API_KEY_FILTER = "envoy.filters.http.api_key_auth/securitypolicy/default/opa-jwt-authz";

  private static GatewayXds translate(String name) throws Exception {
    var input = Golden.testdata().resolve("security/" + name + ".in.yaml");
    var reader = new ManifestReader().read(input.toString());
    return new Pipeline(Golden.config(input)).run(reader.resources(), List.of()).gateways().get("default/eg");
  }

  private static Route route(GatewayXds xds, String domain) {
    RouteConfiguration rc = (RouteConfiguration) xds.resource(XdsType.ROUTE, "default/eg/http").orElseThrow();
    return rc.getVirtualHostsList().stream().filter(v -> v.getDomainsList().contains(domain)).findFirst().orElseThrow().getRoutes(0);
  }

  private static RBAC rbac(Route route) throws Exception {
    FilterConfig config = route.getTypedPerFilterConfigOrThrow("envoy.filters.http.rbac").unpack(FilterConfig.class);
    return config.getConfig().unpack(RBACPerRoute.class).getRbac();
  }

  private static HttpConnectionManager hcm(GatewayXds xds) throws Exception {
    Listener listener = (Listener) xds.resource(XdsType.LISTENER, "default/eg/http").orElseThrow();
    return listener.getDefaultFilterChain().getFilters(0).getTypedConfig().unpack(HttpConnectionManager.class);
  }

  @Test
  void authorization_allowsOnlyGetFromTheNetworkWithTheClaim() throws Exception {
    RBAC rbac = rbac(route(translate("opa-sidecar-authorization"), "foo.bar.com"));
    assertThat(rbac.hasShadowRules()).isFalse();
    assertThat(rbac.getRules().getAction()).isEqualTo(io.envoyproxy.envoy.config.rbac.v3.RBAC.Action.ALLOW);
    assertThat(rbac.getRules().getPoliciesMap()).containsOnlyKeys("admins-get-from-cluster");
    Policy policy = rbac.getRules().getPoliciesOrThrow("admins-get-from-cluster");
    List<Principal> parts = policy.getPrincipals(0).getAndIds().getIdsList();
    assertThat(parts).hasSize(3);
    assertThat(parts.get(0).getHeader().getName()).isEqualTo(":method");
    assertThat(parts.get(0).getHeader().getStringMatch().getExact()).isEqualTo("GET");
    assertThat(parts.get(1).getRemoteIp().getAddressPrefix()).isEqualTo("10.0.0.0");
    assertThat(parts.get(1).getRemoteIp().getPrefixLen().getValue()).isEqualTo(8);
    assertThat(parts.get(2).getMetadata().getFilter()).isEqualTo("envoy.filters.http.jwt_authn");
    assertThat(parts.get(2).getMetadata().getPathList()).extracting(s -> s.getKey()).containsExactly("my-jwt-validator", "groups");
    assertThat(parts.get(2).getMetadata().getValue().getListMatch().getOneOf().getStringMatch().getExact()).isEqualTo("admin");
  }

  @Test
  void apiKeyAndCors_areOnTestOpaOnly_andTheOtherRouteIsUntouched() throws Exception {
    GatewayXds xds = translate("opa-sidecar-authorization");
    Route testOpa = route(xds, "foo.bar.com");
    assertThat(testOpa.getTypedPerFilterConfigMap()).containsKeys(API_KEY_FILTER, "envoy.filters.http.cors",
        "envoy.filters.http.jwt_authn", "envoy.filters.http.rbac",
        "envoy.filters.http.ext_authz/securitypolicy/default/opa-jwt-authz");
    assertThat(testOpa.getRequestHeadersToRemoveList()).containsExactly("x-api-key");
    CorsPolicy cors = testOpa.getTypedPerFilterConfigOrThrow("envoy.filters.http.cors").unpack(CorsPolicy.class);
    assertThat(cors.getAllowOriginStringMatch(0).getExact()).isEqualTo("https://console.bar.com");
    Route backend = route(xds, "www.example.com");
    assertThat(backend.getTypedPerFilterConfigMap()).isEmpty();
    assertThat(backend.getRequestHeadersToRemoveList()).isEmpty();

    HttpFilter apiKey = hcm(xds).getHttpFiltersList().stream().filter(f -> f.getName().equals(API_KEY_FILTER)).findFirst().orElseThrow();
    assertThat(apiKey.getDisabled()).isTrue();
    ApiKeyAuth config = apiKey.getTypedConfig().unpack(ApiKeyAuth.class);
    assertThat(config.getCredentialsList()).singleElement().satisfies(c -> {
      assertThat(c.getClient()).isEqualTo("admin-console");
      assertThat(c.getKey()).isEqualTo("console-key-0001");
    });
    assertThat(config.getKeySources(0).getHeader()).isEqualTo("x-api-key");
  }

  @Test
  void filters_runCorsThenAuthenticationThenRulesThenOpa() throws Exception {
    assertThat(hcm(translate("opa-sidecar-authorization")).getHttpFiltersList()).extracting(HttpFilter::getName).containsExactly(
        "envoy.filters.http.cors", "envoy.filters.http.jwt_authn", API_KEY_FILTER, "envoy.filters.http.rbac",
        "envoy.filters.http.ext_authz/securitypolicy/default/opa-jwt-authz", "envoy.filters.http.router");
  }

  @Test
  void shadow_enforcesNothing_andEvaluatesTheSameRules() throws Exception {
    RBAC enforced = rbac(route(translate("opa-sidecar-authorization"), "foo.bar.com"));
    RBAC shadow = rbac(route(translate("opa-sidecar-authorization-shadow"), "foo.bar.com"));
    assertThat(shadow.hasRules()).isFalse();
    assertThat(shadow.getShadowRules()).isEqualTo(enforced.getRules());
    assertThat(shadow.getShadowRulesStatPrefix()).isEqualTo("securitypolicy.default.opa-jwt-authz.");
  }
}

package dev.tollgate.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.extension.config.ExtensionSettings;
import dev.tollgate.extension.proto.PostHTTPListenerModifyResponse;
import dev.tollgate.extension.proto.PostRouteModifyResponse;
import dev.tollgate.extension.proto.PostTranslateModifyResponse;
import dev.tollgate.extension.proto.PostVirtualHostModifyResponse;
import dev.tollgate.translator.pipeline.Problem;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.DirectResponseAction;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthz;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An extension cannot quietly undo a SecurityPolicy: answers that drop a route's authorization,
 * shadow a protected route or remove the authorization filter are refused like invalid ones,
 * unless allowAuthorizationChanges says otherwise. Additions that leave protection alone pass.
 */
class AuthorizationGuardTest {

  private static final String MANIFESTS = ExtensionTranslation.GATEWAY_AND_APP + """
      apiVersion: v1
      kind: Service
      metadata: {name: authz, namespace: default}
      spec: {ports: [{port: 9000}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: app, namespace: default}
      spec:
        parentRefs: [{name: eg}]
        hostnames: [shop.example.com]
        rules:
          - matches: [{path: {type: PathPrefix, value: /orders}}]
            filters: [{type: ExtensionRef, extensionRef: {group: example.io, kind: Tag, name: t}}]
            backendRefs: [{name: app, port: 8080}]
      ---
      apiVersion: example.io/v1
      kind: Tag
      metadata: {name: t, namespace: default}
      spec: {}
      ---
      apiVersion: gateway.envoyproxy.io/v1alpha1
      kind: SecurityPolicy
      metadata: {name: authz, namespace: default}
      spec:
        targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: app}]
        extAuth:
          grpc:
            backendRefs: [{name: authz, port: 9000}]
      """;

  private static final String ROUTE = "httproute/default/app/rule/0/match/0/shop_example_com";

  private ExtensionServerFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new ExtensionServerFixture();
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  @Test
  void routeHookDroppingTheRoutesAuthorization_isRefused_failClosed() throws Exception {
    fixture.extension.route = r -> PostRouteModifyResponse.newBuilder()
        .setRoute(r.getRoute().toBuilder().clearTypedPerFilterConfig()).build();

    TranslationResult result = translate(fixture.settings(""));

    assertThat(result.gateways()).doesNotContainKey("default/eg");
    assertThat(result.problems()).extracting(Problem::message).singleElement().asString()
        .startsWith("extension hook PostRouteModify failed for route " + ROUTE
            + ": answer refused, as it changed the authorization settings of route " + ROUTE);
  }

  @Test
  void routeHookDroppingOnlyTheRoutesRules_isRefused() throws Exception {
    String withRules = MANIFESTS.replace("  extAuth:\n",
        "  authorization:\n    rules: [{action: Allow, principal: {clientCIDRs: [10.0.0.0/8]}}]\n  extAuth:\n");
    assertThat(withRules).contains("authorization:");
    fixture.extension.route = r -> PostRouteModifyResponse.newBuilder()
        .setRoute(r.getRoute().toBuilder().removeTypedPerFilterConfig("envoy.filters.http.rbac")).build();

    TranslationResult result = ExtensionTranslation.translate(fixture.settings(""), withRules);

    assertThat(result.gateways()).doesNotContainKey("default/eg");
    assertThat(result.problems()).extracting(Problem::message).singleElement().asString()
        .contains("answer refused, as it changed the authorization settings of route " + ROUTE);
  }

  @Test
  void routeHookDroppingTheRoutesAuthorization_failOpen_keepsTheProtectedRoute() throws Exception {
    fixture.extension.route = r -> PostRouteModifyResponse.newBuilder()
        .setRoute(r.getRoute().toBuilder().clearTypedPerFilterConfig()).build();

    TranslationResult result = translate(fixture.settings("failOpen: true"));

    assertThat(route(result).getTypedPerFilterConfigMap()).containsKey("envoy.filters.http.ext_authz/securitypolicy/default/authz");
    assertThat(result.problems()).extracting(Problem::severity).containsExactly(Problem.Severity.WARNING);
  }

  @Test
  void virtualHostHookPuttingARouteBeforeTheProtectedOne_isRefused() throws Exception {
    fixture.extension.virtualHost = r -> PostVirtualHostModifyResponse.newBuilder().setVirtualHost(
        r.getVirtualHost().toBuilder().clearRoutes().addRoutes(openRoute()).addAllRoutes(r.getVirtualHost().getRoutesList())).build();

    TranslationResult result = translate(fixture.settings(""));

    assertThat(result.gateways()).doesNotContainKey("default/eg");
    assertThat(result.problems()).extracting(Problem::message).singleElement().asString()
        .contains("answer refused, as it removed, moved or put another route before route " + ROUTE);
  }

  @Test
  void virtualHostHookAddingARouteAfterTheProtectedOnes_isAccepted() throws Exception {
    fixture.extension.virtualHost = r -> PostVirtualHostModifyResponse.newBuilder().setVirtualHost(
        r.getVirtualHost().toBuilder().addRoutes(openRoute())).build();

    TranslationResult result = translate(fixture.settings(""));

    assertThat(result.problems()).isEmpty();
    assertThat(virtualHost(result).getRoutesList()).extracting(Route::getName).containsExactly(ROUTE, "extension/health");
  }

  @Test
  void listenerHookLettingRequestsThroughWhenAuthorizationFails_isRefused_unlessAllowed() throws Exception {
    fixture.extension.listener = r -> {
      Listener.Builder l = r.getListener().toBuilder();
      var filter = l.getDefaultFilterChainBuilder().getFiltersBuilder(0);
      try {
        HttpConnectionManager.Builder hcm = filter.getTypedConfig().unpack(HttpConnectionManager.class).toBuilder();
        for (var f : hcm.getHttpFiltersBuilderList()) {
          if (f.getName().startsWith("envoy.filters.http.ext_authz")) {
            ExtAuthz authz = f.getTypedConfig().unpack(ExtAuthz.class);
            f.setTypedConfig(com.google.protobuf.Any.pack(authz.toBuilder().setFailureModeAllow(true).build()));
          }
        }
        filter.setTypedConfig(com.google.protobuf.Any.pack(hcm.build()));
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new IllegalStateException(e);
      }
      return PostHTTPListenerModifyResponse.newBuilder().setListener(l).build();
    };

    TranslationResult refused = translate(fixture.settings(""));
    assertThat(refused.gateways()).doesNotContainKey("default/eg");
    assertThat(refused.problems()).extracting(Problem::message).singleElement().asString()
        .contains("answer refused, as it removed or changed the authentication or authorization filters of listener default/eg/http");

    TranslationResult allowed = translate(fixture.settings("allowAuthorizationChanges: true"));
    assertThat(allowed.problems()).isEmpty();
    assertThat(allowed.gateways()).containsKey("default/eg");
  }

  @Test
  void translationHookRemovingTheProtectedVirtualHost_isRefused() throws Exception {
    fixture.extension.translate = r -> PostTranslateModifyResponse.newBuilder()
        .addAllClusters(r.getClustersList()).addAllSecrets(r.getSecretsList()).addAllListeners(r.getListenersList())
        .addAllRoutes(r.getRoutesList().stream().map(rc -> rc.toBuilder().clearVirtualHosts().build()).toList()).build();

    TranslationResult result = translate(fixture.settings("hooks: {xdsTranslator: {post: [Translation], translation: {route: {includeAll: true}}}}"));

    assertThat(result.problems()).extracting(Problem::message).singleElement().asString()
        .startsWith("extension hook PostTranslateModify failed for Gateway default/eg: answer refused, as it removed virtual host");
  }

  private static Route openRoute() {
    return Route.newBuilder().setName("extension/health").setMatch(RouteMatch.newBuilder().setPrefix("/"))
        .setDirectResponse(DirectResponseAction.newBuilder().setStatus(200)).build();
  }

  private static VirtualHost virtualHost(TranslationResult result) {
    return ((RouteConfiguration) result.gateways().get("default/eg").resource(XdsType.ROUTE, "default/eg/http").orElseThrow())
        .getVirtualHosts(0);
  }

  private static Route route(TranslationResult result) {
    return virtualHost(result).getRoutes(0);
  }

  private static TranslationResult translate(ExtensionSettings settings) throws Exception {
    return ExtensionTranslation.translate(settings, MANIFESTS);
  }
}

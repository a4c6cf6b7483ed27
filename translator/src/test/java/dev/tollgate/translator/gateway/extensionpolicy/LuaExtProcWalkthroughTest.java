package dev.tollgate.translator.gateway.extensionpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.http.ext_proc.v3.ExternalProcessor;
import io.envoyproxy.envoy.extensions.filters.http.ext_proc.v3.ProcessingMode;
import io.envoyproxy.envoy.extensions.filters.http.lua.v3.Lua;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OPA walkthrough with an inline and a ConfigMap Lua script on test-opa and an external
 * processor over a unix socket on the backend route, checked on the generated Envoy messages.
 */
class LuaExtProcWalkthroughTest {

  private static final String LUA = "envoy.filters.http.lua/envoyextensionpolicy/default/test-opa-lua/lua/";
  private static final String EXT_PROC = "envoy.filters.http.ext_proc/envoyextensionpolicy/default/backend-processor/extproc/0";
  private static GatewayXds xds;

  @BeforeAll
  static void translate() throws Exception {
    var input = Golden.testdata().resolve("extensionpolicy/lua-extproc.in.yaml");
    xds = new Pipeline(Golden.config(input)).run(new ManifestReader().read(input.toString()).resources(), List.of())
        .gateways().get("default/eg");
  }

  private static List<HttpFilter> filters() throws Exception {
    Listener listener = (Listener) xds.resource(XdsType.LISTENER, "default/eg/http").orElseThrow();
    return listener.getDefaultFilterChain().getFilters(0).getTypedConfig().unpack(HttpConnectionManager.class).getHttpFiltersList();
  }

  private static Route route(String domain) {
    RouteConfiguration rc = (RouteConfiguration) xds.resource(XdsType.ROUTE, "default/eg/http").orElseThrow();
    return rc.getVirtualHostsList().stream().filter(v -> v.getDomainsList().contains(domain)).findFirst().orElseThrow().getRoutes(0);
  }

  @Test
  void scripts_runAfterJwtAndOpa_inThePolicysOrder() throws Exception {
    assertThat(filters()).extracting(HttpFilter::getName).containsExactly("envoy.filters.http.jwt_authn",
        "envoy.filters.http.ext_authz/securitypolicy/default/opa-jwt-authz", LUA + "0", LUA + "1", EXT_PROC,
        "envoy.filters.http.router");
    HttpFilter inline = filters().get(2);
    assertThat(inline.getDisabled()).isTrue();
    assertThat(inline.getTypedConfig().unpack(Lua.class).getDefaultSourceCode().getInlineString()).contains("x-checked-issuer");
    assertThat(filters().get(3).getTypedConfig().unpack(Lua.class).getDefaultSourceCode().getInlineString()).contains("x-served-by");
  }

  @Test
  void eachExtension_isEnabledOnItsRouteOnly() {
    assertThat(route("foo.bar.com").getTypedPerFilterConfigMap()).containsKeys(LUA + "0", LUA + "1").doesNotContainKey(EXT_PROC);
    assertThat(route("www.example.com").getTypedPerFilterConfigMap()).containsOnlyKeys(EXT_PROC);
  }

  @Test
  void processor_isReachedOverItsUnixSocket_withItsProcessingMode() throws Exception {
    ExternalProcessor config = filters().get(4).getTypedConfig().unpack(ExternalProcessor.class);
    String cluster = config.getGrpcService().getEnvoyGrpc().getClusterName();
    assertThat(cluster).isEqualTo("envoyextensionpolicy/default/backend-processor/extproc/0");
    assertThat(config.getProcessingMode().getRequestHeaderMode()).isEqualTo(ProcessingMode.HeaderSendMode.SEND);
    assertThat(config.getProcessingMode().getRequestBodyMode()).isEqualTo(ProcessingMode.BodySendMode.BUFFERED);
    assertThat(config.getProcessingMode().getResponseHeaderMode()).isEqualTo(ProcessingMode.HeaderSendMode.SEND);
    assertThat(config.getMessageTimeout().getNanos()).isEqualTo(500_000_000);
    assertThat(config.getFailureModeAllow()).isFalse();
    Cluster c = (Cluster) xds.resource(XdsType.CLUSTER, cluster).orElseThrow();
    ClusterLoadAssignment assignment = c.hasLoadAssignment() ? c.getLoadAssignment()
        : (ClusterLoadAssignment) xds.resource(XdsType.ENDPOINT, cluster).orElseThrow();
    assertThat(assignment.getEndpoints(0).getLbEndpoints(0).getEndpoint().getAddress().getPipe().getPath())
        .isEqualTo("/shared/processor/processor.sock");
  }
}

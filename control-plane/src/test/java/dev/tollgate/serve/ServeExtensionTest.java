package dev.tollgate.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.example.extension.ExampleExtensionServer;
import dev.tollgate.testing.Golden;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with the example extension server: its changes, to endpoints too, reach the proxy;
 * while it is down (failOpen false) the proxy keeps its last good configuration and the failure is
 * reported; once it is back, the daemon's own retry publishes the change without waiting for
 * another one.
 */
class ServeExtensionTest {

  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final String ROUTES = "default/eg/http";

  @TempDir Path temp;
  private Server extension;
  private int port;
  private ServeFixture serve;
  private AdsTestClient proxy;

  @BeforeEach
  void start() throws Exception {
    extension = ExampleExtensionServer.start("127.0.0.1", 0);
    port = extension.getPort();
    Path config = Files.writeString(temp.resolve("extension.yaml"),
        Files.readString(Golden.testdata().resolve("extension/all-hooks.extension.yaml")).replace("${EXTENSION_PORT}", Integer.toString(port)));
    serve = ServeFixture.serving(List.of("extension/all-hooks.in.yaml"),
        Map.of("tollgate.extension-config", config.toString(), "tollgate.enable-envoy-patch-policy", true));
    proxy = new AdsTestClient(serve.xdsAddress(), "default/eg");
    proxy.request(XdsType.ROUTE.typeUrl(), List.of(ROUTES), "", "");
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    serve.close();
    extension.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void extensionDown_keepsTheLastGoodConfiguration_untilItIsBack() throws Exception {
    DiscoveryResponse first = proxy.next(SECOND);
    assertThat(teamHeader(first)).isEqualTo("payments");
    assertThat(routes(first).getVirtualHosts(0).getResponseHeadersToAdd(0).getHeader().getKey()).isEqualTo("x-example-extension");
    proxy.ack(first, List.of(ROUTES));

    extension.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    Path manifests = serve.directory.resolve("all-hooks.yaml");
    Files.writeString(manifests, Files.readString(manifests).replace("value: payments", "value: billing"));
    // The hook waits for the extension for its timeout (1 s) before the translation gives up.
    assertThat(proxy.next(Duration.ofSeconds(3))).as("nothing is pushed while the extension is down").isNull();
    String statuses = serve.get("/statuses").body();
    assertThat(statuses).contains("PostRouteModify").contains("127.0.0.1:" + port).contains("ExtensionHookFailed");

    extension = ExampleExtensionServer.start("127.0.0.1", port);
    DiscoveryResponse next = proxy.next(Duration.ofSeconds(10));
    assertThat(next).as("the retry publishes the change once the extension answers again").isNotNull();
    assertThat(teamHeader(next)).isEqualTo("billing");
  }

  @Test
  void endpointsHook_itsLabelsReachTheProxyOverEds() throws Exception {
    String endpoints = "httproute/default/app/rule/0";
    proxy.request(XdsType.ENDPOINT.typeUrl(), List.of(endpoints), "", "");
    DiscoveryResponse eds = proxy.next(SECOND);
    while (eds != null && !eds.getTypeUrl().equals(XdsType.ENDPOINT.typeUrl())) {
      eds = proxy.next(SECOND);
    }
    assertThat(eds).as("an EDS response").isNotNull();
    ClusterLoadAssignment served = eds.getResources(0).unpack(ClusterLoadAssignment.class);

    assertThat(served.getClusterName()).isEqualTo(endpoints);
    assertThat(served.getEndpoints(0).getLbEndpoints(0).getMetadata().getFilterMetadataOrThrow("example.tollgate.dev")
        .getFieldsOrThrow("backend").getStringValue()).isEqualTo(endpoints + "/backend/0");
  }

  private static RouteConfiguration routes(DiscoveryResponse r) throws Exception {
    return r.getResources(0).unpack(RouteConfiguration.class);
  }

  private static String teamHeader(DiscoveryResponse r) throws Exception {
    return routes(r).getVirtualHosts(0).getRoutes(0).getResponseHeadersToAdd(0).getHeader().getValue();
  }
}

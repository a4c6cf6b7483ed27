package dev.tollgate.serve.xds.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.serve.xds.XdsServer;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} with {@code tollgate.proxy-auth=kubernetes-token} against the mock API server: a
 * proxy gets exactly the Gateway its token's pod serves, and nothing without such a proof.
 */
class ProxyAuthenticationTest {

  private static final String LDS = "type.googleapis.com/envoy.config.listener.v3.Listener";
  private static final String CDS = "type.googleapis.com/envoy.config.cluster.v3.Cluster";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration QUIET = Duration.ofMillis(500);

  private static TokenReviewingApiServer api;
  private static NamespacedKubernetesClient client;
  private static ApplicationContext context;
  private static Path resources;

  @BeforeAll
  static void start() throws Exception {
    api = new TokenReviewingApiServer();
    client = api.client();
    Pod a = client.pods().inNamespace("default").resource(proxyPod("default", "envoy-a-1", "envoy-a", "default", "a")).create();
    api.podToken("token-a", "default", "envoy-a", "envoy-a-1", a.getMetadata().getUid());
    api.podToken("token-a-bearer", "default", "envoy-a", "envoy-a-1", a.getMetadata().getUid());
    client.pods().inNamespace("team-x").resource(proxyPod("team-x", "rogue", "default", "default", "b")).create();
    api.podToken("token-rogue", "team-x", "default", "rogue", null);
    client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("app").withNamespace("default")
        .endMetadata().withNewSpec().withServiceAccountName("app").endSpec().build()).create();
    api.podToken("token-unlabelled", "default", "app", "app", null);
    api.podToken("token-gone", "default", "envoy-a", "envoy-a-0", null);
    api.invalidToken("token-expired", "[invalid bearer token, service account token has expired]");

    resources = Files.createTempDirectory("tollgate-proxy-auth");
    try (InputStream in = ProxyAuthenticationTest.class.getResourceAsStream("two-gateways.yaml")) {
      Files.copy(in, resources.resolve("two-gateways.yaml"));
    }
    Map<String, Object> p = new HashMap<>();
    p.put("micronaut.server.port", -1);
    p.put("tollgate.xds-address", "127.0.0.1:0");
    p.put("tollgate.resources", List.of(resources.toString()));
    p.put("tollgate.debounce", "50ms");
    p.put("tollgate.proxy-auth", "kubernetes-token");
    context = ApplicationContext.builder().properties(p).singletons(client).start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (context != null) {
      context.close();
    }
    client.close();
    api.close();
    Files.deleteIfExists(resources.resolve("two-gateways.yaml"));
    Files.deleteIfExists(resources);
  }

  private static Pod proxyPod(String namespace, String name, String account, String gatewayNamespace, String gateway) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace)
        .addToLabels(GatewayLabels.NAME, gateway).addToLabels(GatewayLabels.NAMESPACE, gatewayNamespace).endMetadata()
        .withNewSpec().withServiceAccountName(account).endSpec().build();
  }

  private static TokenAdsStream stream(String authorization, String gateway) {
    return new TokenAdsStream(context.getBean(XdsServer.class).boundAddress(), authorization, gateway);
  }

  private static double rejected(String reason) {
    Counter c = context.getBean(MeterRegistry.class).find(ProxyAuthMetrics.REJECTED).tag("reason", reason).counter();
    return c == null ? 0 : c.count();
  }

  private static List<String> names(DiscoveryResponse response, Class<? extends com.google.protobuf.Message> type) throws Exception {
    List<String> out = new ArrayList<>();
    for (var any : response.getResourcesList()) {
      out.add(type == Listener.class ? any.unpack(Listener.class).getName() : any.unpack(Cluster.class).getName());
    }
    return out;
  }

  private static long reviewsOf(String token) {
    return api.reviews().stream().filter(r -> r.getSpec().getToken().equals(token)).count();
  }

  @Test
  void proxyOfGatewayA_withItsPodsToken_getsAsListenersAndClusters_only() throws Exception {
    try (TokenAdsStream proxy = stream("token-a", "default/a")) {
      proxy.request(LDS);
      DiscoveryResponse listeners = proxy.response(WAIT);
      assertThat(listeners).as("a listener response").isNotNull();
      assertThat(names(listeners, Listener.class)).containsExactly("default/a/http");
      proxy.request(CDS);
      DiscoveryResponse clusters = proxy.response(WAIT);
      assertThat(clusters).isNotNull();
      assertThat(names(clusters, Cluster.class)).contains("httproute/default/route-a/rule/0")
          .noneMatch(n -> n.contains("route-b"));
      assertThat(proxy.closedWith(QUIET)).as("the stream stays open").isNull();
    }
    assertThat(api.reviews()).filteredOn(r -> r.getSpec().getToken().equals("token-a"))
        .allSatisfy(r -> assertThat(r.getSpec().getAudiences()).containsExactly("tollgate.dev/xds"));
  }

  @Test
  void bearerPrefix_isAccepted_andAReconnectReusesTheReviewWhileTheTokenLives() throws Exception {
    for (int i = 0; i < 2; i++) {
      try (TokenAdsStream proxy = stream("Bearer token-a-bearer", "default/a")) {
        proxy.request(LDS);
        assertThat(proxy.response(WAIT)).as("stream " + i).isNotNull();
      }
    }
    assertThat(reviewsOf("token-a-bearer")).as("one TokenReview for two streams").isEqualTo(1);
  }

  @Test
  void proxyOfGatewayA_askingForGatewayB_isRefused_andCounted() throws Exception {
    double before = rejected("wrong-gateway");
    try (TokenAdsStream proxy = stream("token-a", "default/b")) {
      proxy.request(LDS);
      Status status = proxy.closedWith(WAIT);
      assertThat(status).as("the stream is closed").isNotNull();
      assertThat(status.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(status.getDescription()).contains("pod default/envoy-a-1 serves Gateway default/a")
          .contains("names Gateway default/b").doesNotContain("token-a");
      assertThat(proxy.received()).as("nothing of b was sent").isZero();
    }
    assertThat(rejected("wrong-gateway")).isEqualTo(before + 1);
  }

  @Test
  void deltaStream_askingForAnotherGateway_isRefusedToo() throws Exception {
    try (TokenAdsStream proxy = stream("token-a", "default/b")) {
      proxy.deltaRequest(LDS);
      Status status = proxy.closedWith(WAIT);
      assertThat(status).isNotNull();
      assertThat(status.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(proxy.received()).isZero();
    }
    try (TokenAdsStream proxy = stream("token-a", "default/a")) {
      proxy.deltaRequest(LDS);
      DeltaDiscoveryResponse response = proxy.deltaResponse(WAIT);
      assertThat(response).isNotNull();
      assertThat(response.getResourcesList()).extracting(r -> r.getName()).containsExactly("default/a/http");
    }
  }

  @Test
  void noToken_getsNothing_andIsCounted() throws Exception {
    double before = rejected("missing-token");
    try (TokenAdsStream proxy = stream(null, "default/a")) {
      proxy.request(LDS);
      Status status = proxy.closedWith(WAIT);
      assertThat(status).isNotNull();
      assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(proxy.received()).isZero();
    }
    assertThat(rejected("missing-token")).isEqualTo(before + 1);
  }

  @Test
  void tokenTheReviewDoesNotAuthenticate_getsNothing_andIsCounted() throws Exception {
    double before = rejected("invalid-token");
    try (TokenAdsStream proxy = stream("Bearer token-expired", "default/a")) {
      proxy.request(LDS);
      Status status = proxy.closedWith(WAIT);
      assertThat(status).isNotNull();
      assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(status.getDescription()).contains("has expired").doesNotContain("token-expired");
      assertThat(proxy.received()).isZero();
    }
    assertThat(rejected("invalid-token")).isEqualTo(before + 1);
  }

  @Test
  void podsThatCannotProveAGateway_getNothing() throws Exception {
    Map<String, String> cases = Map.of(
        "token-rogue", "claims Gateway default/b of another namespace",
        "token-unlabelled", "lacks the label gateway.envoyproxy.io/owning-gateway-name",
        "token-gone", "pod default/envoy-a-0 of the token no longer exists");
    double before = rejected("no-gateway");
    for (var c : cases.entrySet()) {
      try (TokenAdsStream proxy = stream(c.getKey(), "default/b")) {
        proxy.request(LDS);
        Status status = proxy.closedWith(WAIT);
        assertThat(status).as(c.getKey()).isNotNull();
        assertThat(status.getCode()).as(c.getKey()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(status.getDescription()).as(c.getKey()).contains(c.getValue());
        assertThat(proxy.received()).isZero();
      }
    }
    assertThat(rejected("no-gateway")).isEqualTo(before + cases.size());
  }
}

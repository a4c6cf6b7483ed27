package dev.tollgate.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ADS as a proxy sees it: what is served, versions, nonces, ACKs, NACKs, and isolation between Gateways. */
class ServeAdsTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration QUIET = Duration.ofMillis(400);
  private static ServeFixture serve;
  private static GatewayXds expected;

  @BeforeAll
  static void start() throws Exception {
    serve = ServeFixture.servingExample("opa-sidecar"); // what the README's run command serves
    expected = serve.expected("default/eg");
  }

  @AfterAll
  static void stop() throws Exception {
    serve.close();
  }

  private static List<String> names(XdsType type) {
    return expected.resources(type).stream().map(type::nameOf).toList();
  }

  private static Map<String, Message> expected(XdsType type) {
    Map<String, Message> out = new TreeMap<>();
    expected.resources(type).forEach(m -> out.put(type.nameOf(m), m));
    return out;
  }

  @Test
  void stateOfTheWorld_proxyOfTheGateway_receivesExactlyWhatTranslatePrints_andAnAckIsNotAnswered() throws Exception {
    try (AdsTestClient proxy = new AdsTestClient(serve.xdsAddress(), "default/eg")) {
      for (XdsType type : List.of(XdsType.CLUSTER, XdsType.ENDPOINT, XdsType.LISTENER, XdsType.ROUTE, XdsType.SECRET)) {
        List<String> names = type == XdsType.ENDPOINT || type == XdsType.ROUTE ? names(type) : List.of();
        proxy.request(type.typeUrl(), names, "", "");
        DiscoveryResponse response = proxy.next(WAIT);
        assertThat(response).as(type.key()).isNotNull();
        assertThat(response.getTypeUrl()).isEqualTo(type.typeUrl());
        assertThat(response.getVersionInfo()).isNotEmpty();
        assertThat(response.getNonce()).isNotEmpty();
        assertThat(AdsTestClient.byName(type, response.getResourcesList())).as(type.key()).isEqualTo(expected(type));
        proxy.ack(response, names);
        assertThat(proxy.next(QUIET)).as("nothing follows the ACK of an unchanged " + type.key()).isNull();
      }
    }
  }

  @Test
  void stateOfTheWorld_versions_areContentHashesStableAcrossStreams() throws Exception {
    String first;
    try (AdsTestClient proxy = new AdsTestClient(serve.xdsAddress(), "default/eg")) {
      proxy.request(XdsType.CLUSTER.typeUrl(), List.of(), "", "");
      first = proxy.next(WAIT).getVersionInfo();
    }
    try (AdsTestClient proxy = new AdsTestClient(serve.xdsAddress(), "default/eg")) {
      proxy.request(XdsType.CLUSTER.typeUrl(), List.of(), "", "");
      assertThat(proxy.next(WAIT).getVersionInfo()).isEqualTo(first).hasSize(16);
      proxy.request(XdsType.CLUSTER.typeUrl(), List.of(), first, "");
      assertThat(proxy.next(QUIET)).as("a client already at the current version gets nothing").isNull();
    }
  }

  @Test
  void nack_isCountedAndLeavesTheProxyOnItsVersion() throws Exception {
    try (AdsTestClient proxy = new AdsTestClient(serve.xdsAddress(), "default/eg")) {
      proxy.request(XdsType.CLUSTER.typeUrl(), List.of(), "", "");
      DiscoveryResponse response = proxy.next(WAIT);
      proxy.nack(response, List.of(), "", "rejected for the test");
      assertThat(proxy.next(QUIET)).as("a NACK is not answered with the same configuration").isNull();
      String metrics = serve.get("/metrics").body();
      assertThat(metrics).containsPattern("tollgate_xds_nacks_total\\{gateway=\"default/eg\",type=\"Cluster\"} [1-9]");
    }
  }

  @Test
  void stateOfTheWorld_namesAddedToASubscription_areSentAlthoughNothingChanged() throws Exception {
    List<String> clusters = names(XdsType.CLUSTER);
    try (AdsTestClient grpcLike = new AdsTestClient(serve.xdsAddress(), "default/eg")) {
      grpcLike.request(XdsType.CLUSTER.typeUrl(), clusters.subList(0, 1), "", "");
      DiscoveryResponse first = grpcLike.next(WAIT);
      grpcLike.ack(first, clusters.subList(0, 1));
      assertThat(grpcLike.next(QUIET)).isNull();
      grpcLike.request(XdsType.CLUSTER.typeUrl(), clusters.subList(0, 2), first.getVersionInfo(), first.getNonce());
      DiscoveryResponse second = grpcLike.next(WAIT);
      assertThat(second).as("the newly named cluster is sent").isNotNull();
      assertThat(AdsTestClient.byName(XdsType.CLUSTER, second.getResourcesList())).containsKey(clusters.get(1));
    }
  }

  @Test
  void delta_proxyReceivesEveryResourceWithItsOwnVersion_andAnAckIsNotAnswered() throws Exception {
    try (AdsTestClient proxy = new AdsTestClient(serve.xdsAddress(), "default/eg")) {
      for (XdsType type : List.of(XdsType.CLUSTER, XdsType.ENDPOINT, XdsType.LISTENER, XdsType.ROUTE)) {
        DeltaDiscoveryRequest.Builder subscribe = DeltaDiscoveryRequest.newBuilder().setTypeUrl(type.typeUrl());
        if (type == XdsType.ENDPOINT || type == XdsType.ROUTE) {
          subscribe.addAllResourceNamesSubscribe(names(type));
        }
        proxy.deltaRequest(subscribe);
        DeltaDiscoveryResponse response = proxy.nextDelta(WAIT);
        assertThat(response).as(type.key()).isNotNull();
        assertThat(response.getResourcesList()).extracting(Resource::getVersion).allSatisfy(v -> assertThat(v).hasSize(16));
        assertThat(AdsTestClient.byName(type, response.getResourcesList().stream().map(Resource::getResource).toList())).isEqualTo(expected(type));
        proxy.deltaRequest(DeltaDiscoveryRequest.newBuilder().setTypeUrl(type.typeUrl()).setResponseNonce(response.getNonce()));
        assertThat(proxy.nextDelta(QUIET)).as("nothing follows the ACK").isNull();
      }
    }
  }

  @Test
  void proxyOfAnotherGateway_receivesNoneOfThisGatewaysResources() throws Exception {
    try (AdsTestClient stranger = new AdsTestClient(serve.xdsAddress(), "default/other");
        AdsTestClient anonymous = new AdsTestClient(serve.xdsAddress(), "")) {
      for (AdsTestClient c : List.of(stranger, anonymous)) {
        c.request(XdsType.LISTENER.typeUrl(), List.of(), "", "");
        c.request(XdsType.CLUSTER.typeUrl(), List.of(), "", "");
        c.request(XdsType.SECRET.typeUrl(), List.of(), "", "");
        c.request(XdsType.ENDPOINT.typeUrl(), names(XdsType.ENDPOINT), "", "");
        assertThat(c.next(Duration.ofSeconds(1))).isNull();
      }
    }
  }
}

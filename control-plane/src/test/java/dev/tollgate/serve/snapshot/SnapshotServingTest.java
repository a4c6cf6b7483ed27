package dev.tollgate.serve.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.serve.AdsTestClient;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.Protos;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.Resource;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What proxies are sent when a Gateway is generated again with one thing changed: every
 * resource a new instance with a new encoding, as the pipeline makes them, most with the same
 * bytes. Only what changed may reach the proxies.
 */
class SnapshotServingTest {

  private static final String GATEWAY = "default/eg";
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration QUIET = Duration.ofMillis(400);
  private static final List<String> CLUSTERS = List.of("a", "b");

  private GatewaySnapshots snapshots;
  private Server server;

  @BeforeEach
  void start() throws Exception {
    snapshots = new GatewaySnapshots(Duration.ofSeconds(1));
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(snapshots.discoveryServer(List.of()).getAggregatedDiscoveryServiceImpl()).build().start();
    snapshots.publish(Map.of(GATEWAY, gateway("www.example.com", "10.0.0.2")), Set.of());
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdownNow().awaitTermination();
    snapshots.close();
  }

  /** A Gateway made from scratch, as a new translation makes it: a host on its route, a second endpoint of cluster b. */
  private static GatewayXds gateway(String host, String endpointOfB) {
    GatewayXds.Builder b = GatewayXds.builder(GATEWAY)
        .put(XdsType.LISTENER, Listener.newBuilder().setName(GATEWAY + "/http").build())
        .put(XdsType.ROUTE, RouteConfiguration.newBuilder().setName(GATEWAY + "/http")
            .addVirtualHosts(VirtualHost.newBuilder().setName("vh").addDomains(host)).build());
    for (String c : CLUSTERS) {
      b.put(XdsType.CLUSTER, Cluster.newBuilder().setName(c).setConnectTimeout(Protos.seconds(1)).build());
      ClusterLoadAssignment.Builder cla = ClusterLoadAssignment.newBuilder().setClusterName(c);
      LocalityLbEndpoints.Builder locality = cla.addEndpointsBuilder().addLbEndpoints(endpoint("10.0.0.1"));
      if (c.equals("b")) {
        locality.addLbEndpoints(endpoint(endpointOfB));
      }
      b.put(XdsType.ENDPOINT, cla.build());
    }
    return b.build();
  }

  private static LbEndpoint endpoint(String ip) {
    return LbEndpoint.newBuilder().setEndpoint(Endpoint.newBuilder().setAddress(Address.newBuilder()
        .setSocketAddress(SocketAddress.newBuilder().setAddress(ip).setPortValue(8080)))).build();
  }

  private static List<String> names(XdsType type) {
    return switch (type) {
      case ENDPOINT -> CLUSTERS;
      case ROUTE -> List.of(GATEWAY + "/http");
      default -> List.of();
    };
  }

  private AdsTestClient connected() throws InterruptedException {
    AdsTestClient proxy = new AdsTestClient("127.0.0.1:" + server.getPort(), GATEWAY);
    for (XdsType type : List.of(XdsType.CLUSTER, XdsType.ENDPOINT, XdsType.LISTENER, XdsType.ROUTE)) {
      proxy.request(type.typeUrl(), names(type), "", "");
      DiscoveryResponse first = proxy.next(WAIT);
      assertThat(first.getTypeUrl()).isEqualTo(type.typeUrl());
      proxy.ack(first, names(type));
    }
    assertThat(proxy.next(QUIET)).isNull();
    return proxy;
  }

  @Test
  void stateOfTheWorld_onlyTheRouteChanged_proxyIsSentTheRouteConfigurationAlone() throws Exception {
    try (AdsTestClient proxy = connected()) {
      snapshots.publish(Map.of(GATEWAY, gateway("shop.example.com", "10.0.0.2")), Set.of());
      DiscoveryResponse response = proxy.next(WAIT);
      assertThat(response.getTypeUrl()).isEqualTo(XdsType.ROUTE.typeUrl());
      assertThat(AdsTestClient.byName(XdsType.ROUTE, response.getResourcesList()).get(GATEWAY + "/http"))
          .isEqualTo(gateway("shop.example.com", "10.0.0.2").resource(XdsType.ROUTE, GATEWAY + "/http").orElseThrow());
      proxy.ack(response, names(XdsType.ROUTE));
      assertThat(proxy.next(QUIET)).as("no listeners, clusters or endpoints: they did not change").isNull();
    }
  }

  @Test
  void stateOfTheWorld_nothingChanged_proxyIsSentNothing() throws Exception {
    try (AdsTestClient proxy = connected()) {
      assertThat(snapshots.publish(Map.of(GATEWAY, gateway("www.example.com", "10.0.0.2")), Set.of()).resourceCount())
          .isZero();
      assertThat(proxy.next(QUIET)).isNull();
    }
  }

  @Test
  void delta_oneEndpointChanged_proxyIsSentThatLoadAssignmentAlone() throws Exception {
    try (AdsTestClient proxy = new AdsTestClient("127.0.0.1:" + server.getPort(), GATEWAY)) {
      for (XdsType type : List.of(XdsType.CLUSTER, XdsType.ENDPOINT, XdsType.LISTENER, XdsType.ROUTE)) {
        proxy.deltaRequest(DeltaDiscoveryRequest.newBuilder().setTypeUrl(type.typeUrl())
            .addAllResourceNamesSubscribe(names(type)));
        DeltaDiscoveryResponse first = proxy.nextDelta(WAIT);
        assertThat(first.getTypeUrl()).isEqualTo(type.typeUrl());
        proxy.deltaRequest(DeltaDiscoveryRequest.newBuilder().setTypeUrl(type.typeUrl()).setResponseNonce(first.getNonce()));
      }
      assertThat(proxy.nextDelta(QUIET)).isNull();

      snapshots.publish(Map.of(GATEWAY, gateway("www.example.com", "10.0.0.3")), Set.of());
      DeltaDiscoveryResponse response = proxy.nextDelta(WAIT);
      assertThat(response.getTypeUrl()).isEqualTo(XdsType.ENDPOINT.typeUrl());
      assertThat(response.getResourcesList()).extracting(Resource::getName).containsExactly("b");
      assertThat(response.getRemovedResourcesList()).isEmpty();
      proxy.deltaRequest(DeltaDiscoveryRequest.newBuilder().setTypeUrl(XdsType.ENDPOINT.typeUrl())
          .setResponseNonce(response.getNonce()));
      assertThat(proxy.nextDelta(QUIET)).as("nothing of the types that did not change").isNull();
    }
  }
}

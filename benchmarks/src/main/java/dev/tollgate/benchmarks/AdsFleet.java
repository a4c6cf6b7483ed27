package dev.tollgate.benchmarks;

import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.controlplane.server.DiscoveryServerCallbacks;
import io.envoyproxy.controlplane.server.V3DiscoveryServer;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An ADS server (java-control-plane's {@link V3DiscoveryServer}) on a
 * loopback port, and state-of-the-world clients connected to it, one connection each, as proxies
 * are. Every client subscribes to all listeners and clusters, its Gateway's load assignments and
 * route configuration, and ACKs every response. The server counts each Gateway's route
 * configuration ACKs, which is how a benchmark knows a change has reached every proxy.
 */
final class AdsFleet implements AutoCloseable {

  private final Server server;
  private final List<ManagedChannel> channels = new ArrayList<>();
  private final List<StreamObserver<DiscoveryRequest>> streams = new ArrayList<>();
  private final Map<String, Semaphore> routeAcks = new ConcurrentHashMap<>();
  private final Map<XdsType, AtomicLong> received = new EnumMap<>(XdsType.class);
  private final AtomicLong nacks = new AtomicLong();
  private final AtomicLong responses = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();

  /**
   * @param gateways each client's Gateway ({@code namespace/name}), one entry per client
   * @param loadAssignments the load assignment names a Gateway's clients subscribe to
   */
  AdsFleet(Function<List<DiscoveryServerCallbacks>, V3DiscoveryServer> discovery, List<String> gateways, Function<String, List<String>> loadAssignments) throws Exception {
    for (XdsType t : XdsType.values()) {
      received.put(t, new AtomicLong());
    }
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(discovery.apply(List.of(new AckCounter())).getAggregatedDiscoveryServiceImpl())
        .build().start();
    Map<String, Integer> perGateway = new java.util.TreeMap<>();
    for (int i = 0; i < gateways.size(); i++) {
      String gateway = gateways.get(i);
      routeAcks.computeIfAbsent(gateway, g -> new Semaphore(0));
      perGateway.merge(gateway, 1, Integer::sum);
      connect("proxy-" + i, gateway, loadAssignments.apply(gateway));
    }
    // Connected: every client has ACKed its first route configuration.
    for (var e : perGateway.entrySet()) {
      awaitRouteAcks(e.getKey(), e.getValue());
    }
  }

  private void connect(String id, String gateway, List<String> loadAssignments) {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext()
        .maxInboundMessageSize(256 << 20).build();
    channels.add(channel);
    Node node = Node.newBuilder().setId(id).setCluster(gateway).build();
    Map<XdsType, List<String>> names = Map.of(XdsType.LISTENER, List.of(), XdsType.CLUSTER, List.of(),
        XdsType.ENDPOINT, loadAssignments, XdsType.ROUTE, List.of(gateway + "/http"));
    Object lock = new Object();
    StreamObserver<DiscoveryRequest>[] stream = new StreamObserver[1];
    synchronized (lock) {
      stream[0] = AggregatedDiscoveryServiceGrpc.newStub(channel).streamAggregatedResources(new StreamObserver<>() {
        @Override
        public void onNext(DiscoveryResponse r) {
          XdsType type = XdsType.fromTypeUrl(r.getTypeUrl()).orElseThrow();
          received.get(type).incrementAndGet();
          responses.incrementAndGet();
          synchronized (lock) {
            stream[0].onNext(request(node, type, names.get(type), r.getVersionInfo(), r.getNonce()));
          }
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {}
      });
      for (XdsType type : List.of(XdsType.CLUSTER, XdsType.ENDPOINT, XdsType.LISTENER, XdsType.ROUTE)) {
        stream[0].onNext(request(node, type, names.get(type), "", ""));
      }
    }
    streams.add(stream[0]);
  }

  private static DiscoveryRequest request(Node node, XdsType type, List<String> names, String version, String nonce) {
    return DiscoveryRequest.newBuilder().setNode(node).setTypeUrl(type.typeUrl()).addAllResourceNames(names)
        .setVersionInfo(version).setResponseNonce(nonce).build();
  }

  /** Waits until {@code count} more route configuration ACKs of the Gateway's clients have reached the server. */
  void awaitRouteAcks(String gateway, int count) throws InterruptedException {
    if (!routeAcks.get(gateway).tryAcquire(count, 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the route configuration did not reach all " + count + " clients of " + gateway);
    }
  }

  /** Waits until every response a client received has been answered and nothing arrived meanwhile. */
  void awaitQuiet() throws InterruptedException {
    long seen = -1;
    for (int i = 0; i < 60_000; i++) {
      long now = responses.get();
      if (now == seen && answered.get() == now) {
        return;
      }
      seen = now;
      Thread.sleep(5);
    }
    throw new IllegalStateException("clients did not settle");
  }

  /** Responses the clients received so far, by type. */
  Map<XdsType, Long> received() {
    Map<XdsType, Long> out = new EnumMap<>(XdsType.class);
    received.forEach((t, n) -> out.put(t, n.get()));
    return out;
  }

  long nacks() {
    return nacks.get();
  }

  /** Counts ACKs of route configurations (a request answering a response, without error) per Gateway. */
  private final class AckCounter implements DiscoveryServerCallbacks {
    @Override
    public void onV3StreamRequest(long streamId, DiscoveryRequest request) {
      if (!request.getResponseNonce().isEmpty()) {
        answered.incrementAndGet();
      }
      if (request.hasErrorDetail()) {
        nacks.incrementAndGet();
      } else if (!request.getResponseNonce().isEmpty() && request.getTypeUrl().equals(XdsType.ROUTE.typeUrl())) {
        routeAcks.get(request.getNode().getCluster()).release();
      }
    }

    @Override
    public void onV3StreamDeltaRequest(long streamId, DeltaDiscoveryRequest request) {}
  }

  @Override
  public void close() throws InterruptedException {
    streams.forEach(StreamObserver::onCompleted);
    for (ManagedChannel c : channels) {
      c.shutdownNow();
    }
    for (ManagedChannel c : channels) {
      c.awaitTermination(5, TimeUnit.SECONDS);
    }
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}

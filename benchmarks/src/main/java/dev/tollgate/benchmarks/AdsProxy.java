package dev.tollgate.benchmarks;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A state-of-the-world ADS client that asks as Envoy does: clusters first, the load assignments
 * of the EDS clusters they name, then listeners and the route configurations their HTTP
 * connection managers name. Every response is ACKed once handled; each one's arrival time is
 * queued for the caller.
 */
final class AdsProxy implements AutoCloseable {

  /** A response and {@link System#nanoTime()} when it arrived, before anything was done with it. */
  record Arrival(DiscoveryResponse response, long nanos) {
    XdsType type() {
      return XdsType.fromTypeUrl(response.getTypeUrl()).orElseThrow();
    }
  }

  private final ManagedChannel channel;
  private final Node node;
  private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
  /** What is subscribed to by type; an empty set is the wildcard (clusters, listeners). */
  private final Map<XdsType, Set<String>> subscribed = new ConcurrentHashMap<>();
  private final Map<XdsType, DiscoveryResponse> acked = new ConcurrentHashMap<>();
  private volatile Throwable failed;
  private StreamObserver<DiscoveryRequest> stream;

  AdsProxy(String address, String gateway) {
    int colon = address.lastIndexOf(':');
    channel = NettyChannelBuilder.forAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)))
        .usePlaintext().maxInboundMessageSize(256 << 20).build();
    node = Node.newBuilder().setId("bench-proxy").setCluster(gateway).build();
  }

  /** Opens the stream and asks for clusters; the rest follows from what arrives. */
  void start() {
    stream = AggregatedDiscoveryServiceGrpc.newStub(channel).streamAggregatedResources(new StreamObserver<>() {
      @Override
      public void onNext(DiscoveryResponse r) {
        long now = System.nanoTime();
        try {
          handle(r);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
          failed = e;
        }
        arrivals.add(new Arrival(r, now));
      }

      @Override
      public void onError(Throwable t) {
        failed = t;
      }

      @Override
      public void onCompleted() {}
    });
    subscribe(XdsType.CLUSTER, Set.of());
  }

  /** The next response within the timeout, or null. */
  Arrival next(long timeout, TimeUnit unit) throws InterruptedException {
    Arrival a = arrivals.poll(timeout, unit);
    if (failed != null) {
      throw new IllegalStateException("the ADS stream failed", failed);
    }
    return a;
  }

  /** The last response of a type that was ACKed; null before one arrived. */
  DiscoveryResponse last(XdsType type) {
    return acked.get(type);
  }

  private synchronized void handle(DiscoveryResponse r) throws InvalidProtocolBufferException {
    XdsType type = XdsType.fromTypeUrl(r.getTypeUrl()).orElseThrow();
    acked.put(type, r);
    send(type, r);
    if (type == XdsType.CLUSTER) {
      subscribe(XdsType.ENDPOINT, edsNames(r.getResourcesList()));
      subscribed.putIfAbsent(XdsType.LISTENER, Set.of());
      if (!acked.containsKey(XdsType.LISTENER)) {
        send(XdsType.LISTENER, null);
      }
    } else if (type == XdsType.LISTENER) {
      subscribe(XdsType.ROUTE, routeNames(r.getResourcesList()));
    }
  }

  /** Asks for other names of a type (with its last ACKed version), when they differ from those asked for. */
  private synchronized void subscribe(XdsType type, Set<String> names) {
    if (names.equals(subscribed.get(type))) {
      return;
    }
    subscribed.put(type, names);
    send(type, acked.get(type));
  }

  private void send(XdsType type, DiscoveryResponse ack) {
    DiscoveryRequest.Builder req = DiscoveryRequest.newBuilder().setNode(node).setTypeUrl(type.typeUrl())
        .addAllResourceNames(subscribed.getOrDefault(type, Set.of()));
    if (ack != null) {
      req.setVersionInfo(ack.getVersionInfo()).setResponseNonce(ack.getNonce());
    }
    stream.onNext(req.build());
  }

  private static Set<String> edsNames(List<Any> clusters) throws InvalidProtocolBufferException {
    Set<String> names = new TreeSet<>();
    for (Any any : clusters) {
      Cluster c = any.unpack(Cluster.class);
      if (c.getType() == Cluster.DiscoveryType.EDS) {
        String service = c.getEdsClusterConfig().getServiceName();
        names.add(service.isEmpty() ? c.getName() : service);
      }
    }
    return names;
  }

  private static Set<String> routeNames(List<Any> listeners) throws InvalidProtocolBufferException {
    Set<String> names = new TreeSet<>();
    for (Any any : listeners) {
      Listener l = any.unpack(Listener.class);
      List<FilterChain> chains = new ArrayList<>(l.getFilterChainsList());
      if (l.hasDefaultFilterChain()) {
        chains.add(l.getDefaultFilterChain());
      }
      for (FilterChain chain : chains) {
        for (Filter f : chain.getFiltersList()) {
          if (f.getTypedConfig().is(HttpConnectionManager.class)) {
            HttpConnectionManager hcm = f.getTypedConfig().unpack(HttpConnectionManager.class);
            if (hcm.hasRds()) {
              names.add(hcm.getRds().getRouteConfigName());
            }
          }
        }
      }
    }
    return names;
  }

  @Override
  public void close() throws InterruptedException {
    if (stream != null) {
      stream.onCompleted();
    }
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}

package dev.tollgate.serve;

import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainSocketAddress;
import com.google.protobuf.Any;
import com.google.protobuf.Message;
import dev.tollgate.translator.xds.XdsType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bare ADS client: sends exactly the requests a test writes (ACKs and NACKs included) and
 * queues what the server answers, for state-of-the-world and delta streams.
 */
public final class AdsTestClient implements AutoCloseable {

  /** Served resources of one type, decoded and keyed by name, to compare with what a translation made. */
  public static Map<String, Message> byName(XdsType type, List<Any> resources) throws Exception {
    Map<String, Message> out = new TreeMap<>();
    for (Any any : resources) {
      Message m = type.prototype().getParserForType().parseFrom(any.getValue());
      out.put(type.nameOf(m), m);
    }
    return out;
  }


  private final ManagedChannel channel;
  private final MultiThreadIoEventLoopGroup unixGroup;
  private final Node node;
  private final BlockingQueue<DiscoveryResponse> responses = new LinkedBlockingQueue<>();
  private final BlockingQueue<DeltaDiscoveryResponse> deltaResponses = new LinkedBlockingQueue<>();
  private StreamObserver<DiscoveryRequest> sotw;
  private StreamObserver<DeltaDiscoveryRequest> delta;

  public AdsTestClient(String address, String nodeCluster) {
    this(channelBuilder(address), nodeCluster, address.startsWith("unix:"));
  }

  AdsTestClient(NettyChannelBuilder builder, String nodeCluster, boolean unix) {
    if (unix) {
      unixGroup = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
      builder.eventLoopGroup(unixGroup).channelType(EpollDomainSocketChannel.class);
    } else {
      unixGroup = null;
    }
    this.channel = builder.build();
    this.node = Node.newBuilder().setId("test-proxy").setCluster(nodeCluster).build();
  }

  static NettyChannelBuilder channelBuilder(String address) {
    if (address.startsWith("unix:")) {
      return NettyChannelBuilder.forAddress(new DomainSocketAddress(address.substring("unix:".length()))).usePlaintext();
    }
    int colon = address.lastIndexOf(':');
    return NettyChannelBuilder.forAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))).usePlaintext();
  }

  ManagedChannel channel() {
    return channel;
  }

  /** Sends a state-of-the-world request; an empty version and nonce is the first request of a type. */
  public void request(String typeUrl, List<String> names, String version, String nonce) {
    send(DiscoveryRequest.newBuilder().setNode(node).setTypeUrl(typeUrl).addAllResourceNames(names)
        .setVersionInfo(version).setResponseNonce(nonce).build());
  }

  public void ack(DiscoveryResponse response, List<String> names) {
    request(response.getTypeUrl(), names, response.getVersionInfo(), response.getNonce());
  }

  /** Rejects a response: the last version this client accepted, the response's nonce and a reason. */
  void nack(DiscoveryResponse response, List<String> names, String acceptedVersion, String reason) {
    send(DiscoveryRequest.newBuilder().setNode(node).setTypeUrl(response.getTypeUrl()).addAllResourceNames(names)
        .setVersionInfo(acceptedVersion).setResponseNonce(response.getNonce())
        .setErrorDetail(com.google.rpc.Status.newBuilder().setCode(3).setMessage(reason)).build());
  }

  private synchronized void send(DiscoveryRequest request) {
    if (sotw == null) {
      sotw = AggregatedDiscoveryServiceGrpc.newStub(channel).streamAggregatedResources(observer(responses));
    }
    sotw.onNext(request);
  }

  public synchronized void deltaRequest(DeltaDiscoveryRequest.Builder request) {
    if (delta == null) {
      delta = AggregatedDiscoveryServiceGrpc.newStub(channel).deltaAggregatedResources(observer(deltaResponses));
    }
    delta.onNext(request.setNode(node).build());
  }

  /** The next response, or null when none comes within the wait. */
  public DiscoveryResponse next(Duration wait) throws InterruptedException {
    return responses.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  public DeltaDiscoveryResponse nextDelta(Duration wait) throws InterruptedException {
    return deltaResponses.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static <T> StreamObserver<T> observer(BlockingQueue<T> queue) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        queue.add(value);
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    };
  }

  @Override
  public void close() {
    channel.shutdownNow();
    if (unixGroup != null) {
      unixGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }
}

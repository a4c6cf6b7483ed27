package dev.tollgate.serve.xds.auth;

import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One ADS stream of a proxy that sends {@code authorization} metadata, or none, as the test says. */
public final class TokenAdsStream implements AutoCloseable {

  private final ManagedChannel channel;
  private final BlockingQueue<Object> responses = new LinkedBlockingQueue<>();
  private final CompletableFuture<Status> closed = new CompletableFuture<>();
  private final String gateway;
  private final AggregatedDiscoveryServiceGrpc.AggregatedDiscoveryServiceStub stub;
  private final StreamObserver<Object> observer;
  private StreamObserver<DiscoveryRequest> sotw;
  private StreamObserver<DeltaDiscoveryRequest> delta;

  /** @param authorization the metadata's value ({@code Bearer TOKEN}, a bare token), or null for none */
  public TokenAdsStream(String address, String authorization, String gateway) {
    this(NettyChannelBuilder.forTarget(address).usePlaintext().build(), authorization, gateway);
  }

  /** A stream over a channel of the test's own (TLS with a client certificate, say); closing the stream shuts it down. */
  TokenAdsStream(ManagedChannel channel, String authorization, String gateway) {
    this.gateway = gateway;
    this.channel = channel;
    Metadata headers = new Metadata();
    if (authorization != null) {
      headers.put(BearerTokens.AUTHORIZATION, authorization);
    }
    this.stub = AggregatedDiscoveryServiceGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    this.observer = new StreamObserver<>() {
      @Override
      public void onNext(Object value) {
        responses.add(value);
      }

      @Override
      public void onError(Throwable t) {
        closed.complete(Status.fromThrowable(t));
      }

      @Override
      public void onCompleted() {
        closed.complete(Status.OK);
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <T> StreamObserver<T> cast(StreamObserver<Object> observer) {
    return (StreamObserver<T>) (StreamObserver<?>) observer;
  }

  private Node node() {
    return Node.newBuilder().setId(gateway.replace('/', '-') + "-envoy").setCluster(gateway).build();
  }

  /** A state-of-the-world request for every resource of the type. */
  public void request(String typeUrl) {
    if (sotw == null) {
      sotw = stub.streamAggregatedResources(cast(observer));
    }
    sotw.onNext(DiscoveryRequest.newBuilder().setNode(node()).setTypeUrl(typeUrl).build());
  }

  /** A delta subscription to every resource of the type (use one kind of stream per instance). */
  void deltaRequest(String typeUrl) {
    if (delta == null) {
      delta = stub.deltaAggregatedResources(cast(observer));
    }
    delta.onNext(DeltaDiscoveryRequest.newBuilder().setNode(node()).setTypeUrl(typeUrl).build());
  }

  /** The next response, or null when none comes within the wait. */
  DiscoveryResponse response(Duration wait) throws InterruptedException {
    return (DiscoveryResponse) responses.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  DeltaDiscoveryResponse deltaResponse(Duration wait) throws InterruptedException {
    return (DeltaDiscoveryResponse) responses.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How the server ended the stream, or null when it is still open after the wait. */
  Status closedWith(Duration wait) throws Exception {
    try {
      return closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return null;
    }
  }

  int received() {
    return responses.size();
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}

package dev.tollgate.serve.xds.auth;

import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets an ADS stream through only for a proxy that proves its Gateway: the stream must prove one
 * ({@link CallAuthenticator}: a token, a client certificate), and every request's node must name
 * that Gateway. Anything else closes the stream (UNAUTHENTICATED, PERMISSION_DENIED, or UNAVAILABLE
 * when the API server could not answer): Envoy logs the status and retries with backoff, so a
 * proxy whose labels, token or certificate are fixed recovers, while one that was silently
 * answered nothing would wait for its initial fetch timeout with no hint why.
 */
final class ProxyAuthInterceptor implements ServerInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(ProxyAuthInterceptor.class);

  private final CallAuthenticator authenticator;
  private final ProxyAuthMetrics metrics;

  ProxyAuthInterceptor(CallAuthenticator authenticator, ProxyAuthMetrics metrics) {
    this.authenticator = authenticator;
    this.metrics = metrics;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ProxyAuthResult result = authenticator.authenticate(call, headers);
    if (result.identity().isEmpty()) {
      refuse(call, result.rejection(), result.detail());
      return new ServerCall.Listener<>() {};
    }
    return new NodeCheck<>(next.startCall(call, headers), call, result.identity().get());
  }

  private void refuse(ServerCall<?, ?> call, Rejection reason, String detail) {
    metrics.rejected(reason);
    Object peer = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    LOG.warn("refused xDS stream from {}: {} ({})", peer == null ? "an unknown peer" : peer, detail, reason.tag());
    call.close(reason.status().withDescription("tollgate refused this proxy: " + detail), new Metadata());
  }

  /** Forwards requests whose node names the proved Gateway; the first that names another closes the stream. */
  private final class NodeCheck<Q> extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {
    private final ServerCall<Q, ?> call;
    private final ProxyIdentity identity;
    private boolean refused;

    NodeCheck(ServerCall.Listener<Q> delegate, ServerCall<Q, ?> call, ProxyIdentity identity) {
      super(delegate);
      this.call = call;
      this.identity = identity;
    }

    @Override
    public void onMessage(Q message) {
      if (refused) {
        return;
      }
      Optional<Node> node = nodeOf(message);
      if (node.isPresent() && !node.get().getCluster().equals(identity.gateway())) {
        refused = true;
        String named = node.get().getCluster().isEmpty() ? "no Gateway" : "Gateway " + node.get().getCluster();
        refuse(call, Rejection.WRONG_GATEWAY, identity.proxy() + " serves Gateway " + identity.gateway()
            + ", its node " + node.get().getId() + " names " + named);
        return;
      }
      super.onMessage(message);
    }

    @Override
    public void onHalfClose() {
      if (!refused) {
        super.onHalfClose();
      }
    }
  }

  private static Optional<Node> nodeOf(Object message) {
    if (message instanceof DiscoveryRequest r && r.hasNode()) {
      return Optional.of(r.getNode());
    }
    if (message instanceof DeltaDiscoveryRequest r && r.hasNode()) {
      return Optional.of(r.getNode());
    }
    return Optional.empty();
  }
}

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
 * Lets an ADS stream through only for a proxy that proves its Gateway: the token in its
 * {@code authorization} metadata ({@code Bearer TOKEN}, or the bare token Envoy's credential
 * injector sends) must be valid, and every request's node must name the Gateway the token's pod
 * serves. Anything else closes the stream (UNAUTHENTICATED, PERMISSION_DENIED, or UNAVAILABLE when
 * the API server could not answer): Envoy logs the status and retries with backoff, so a proxy
 * whose labels or token are fixed recovers, while one that was silently answered nothing would
 * wait for its initial fetch timeout with no hint why.
 */
final class ProxyAuthInterceptor implements ServerInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(ProxyAuthInterceptor.class);
  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final TokenAuthenticator authenticator;
  private final ProxyAuthMetrics metrics;

  ProxyAuthInterceptor(TokenAuthenticator authenticator, ProxyAuthMetrics metrics) {
    this.authenticator = authenticator;
    this.metrics = metrics;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String token = token(headers.get(AUTHORIZATION));
    ProxyAuthResult result = token.isEmpty()
        ? ProxyAuthResult.rejected(Rejection.MISSING_TOKEN, "the stream carries no authorization metadata")
        : authenticator.authenticate(token);
    if (result.identity().isEmpty()) {
      refuse(call, result.rejection(), result.detail());
      return new ServerCall.Listener<>() {};
    }
    return new NodeCheck<>(next.startCall(call, headers), call, result.identity().get());
  }

  private static String token(String authorization) {
    if (authorization == null) {
      return "";
    }
    String value = authorization.trim();
    return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : value;
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
        refuse(call, Rejection.WRONG_GATEWAY, "pod " + identity.pod() + " serves Gateway " + identity.gateway()
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

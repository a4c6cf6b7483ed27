package dev.tollgate.serve.xds;

import dev.tollgate.serve.ServeMetrics;
import dev.tollgate.serve.snapshot.NackedVersions;
import io.envoyproxy.controlplane.server.DiscoveryServerCallbacks;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import dev.tollgate.serve.ProblemLog;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the ADS streams: which Gateway each connected proxy belongs to, what is pushed, and
 * every NACK with the proxy's reason. A NACK is recorded and counted; it holds nothing back, for
 * this proxy (which keeps its last accepted configuration) or any other. It is logged once when a
 * proxy starts refusing a type for a reason, and once more ({@code resolved: }) when no proxy of
 * the Gateway refuses it any longer: it has ACKed a later version, or disconnected.
 */
final class XdsCallbacks implements DiscoveryServerCallbacks {

  private static final Logger LOG = LoggerFactory.getLogger(XdsCallbacks.class);

  private final ServeMetrics metrics;
  private final NackedVersions nacks;
  /** Stream id → the Gateway its node names, once the first request has said. */
  private final Map<Long, String> streams = new ConcurrentHashMap<>();
  /** "stream type" → what that stream's proxy refuses of the type, while it does. */
  private final Map<String, String> refusing = new ConcurrentHashMap<>();
  private final ProblemLog nackLog = new ProblemLog(LOG);

  XdsCallbacks(ServeMetrics metrics, NackedVersions nacks) {
    this.metrics = metrics;
    this.nacks = nacks;
  }

  @Override
  public void onV3StreamRequest(long streamId, DiscoveryRequest request) {
    String gateway = gatewayOf(streamId, request.hasNode() ? request.getNode() : null);
    if (request.hasErrorDetail()) {
      nacks.nacked(streamId, request.getTypeUrl(), request.getResponseNonce());
      nack(streamId, gateway, request.getTypeUrl(), request.getResponseNonce(), request.getErrorDetail().getMessage());
    } else if (!request.getResponseNonce().isEmpty()) {
      accepted(streamId, request.getTypeUrl());
    }
  }

  @Override
  public void onV3StreamDeltaRequest(long streamId, DeltaDiscoveryRequest request) {
    String gateway = gatewayOf(streamId, request.hasNode() ? request.getNode() : null);
    if (request.hasErrorDetail()) {
      nack(streamId, gateway, request.getTypeUrl(), request.getResponseNonce(), request.getErrorDetail().getMessage());
    } else if (!request.getResponseNonce().isEmpty()) {
      accepted(streamId, request.getTypeUrl());
    }
  }

  @Override
  public void onV3StreamResponse(long streamId, DiscoveryRequest request, DiscoveryResponse response) {
    nacks.sent(streamId, response.getTypeUrl(), response.getNonce(), response.getVersionInfo());
    metrics.pushed(response.getTypeUrl());
  }

  @Override
  public void onV3StreamDeltaResponse(long streamId, DeltaDiscoveryRequest request, DeltaDiscoveryResponse response) {
    metrics.pushed(response.getTypeUrl());
  }

  @Override
  public void onStreamClose(long streamId, String typeUrl) {
    closed(streamId);
  }

  @Override
  public void onStreamCloseWithError(long streamId, String typeUrl, Throwable error) {
    closed(streamId);
  }

  private String gatewayOf(long streamId, Node node) {
    String known = streams.get(streamId);
    if (known != null || node == null) {
      return known == null ? "" : known;
    }
    String gateway = node.getCluster();
    if (streams.putIfAbsent(streamId, gateway) == null) {
      metrics.proxyConnected(gateway);
      LOG.info("proxy {} of gateway {} connected (stream {})", node.getId(), gateway.isEmpty() ? "(none)" : gateway, streamId);
    }
    return gateway;
  }

  private void nack(long streamId, String gateway, String typeUrl, String nonce, String reason) {
    metrics.nacked(gateway, typeUrl);
    LOG.debug("proxy of gateway {} rejected {} (stream {}, nonce {}): {}", gateway, typeUrl, streamId, nonce, reason);
    refusing.put(streamId + " " + typeUrl, "proxy of gateway " + (gateway.isEmpty() ? "(none)" : gateway)
        + " rejected " + typeUrl + ": " + reason);
    publishNacks();
  }

  private void accepted(long streamId, String typeUrl) {
    if (refusing.remove(streamId + " " + typeUrl) != null) {
      publishNacks();
    }
  }

  private synchronized void publishNacks() {
    nackLog.update(new TreeSet<>(refusing.values()).stream().map(ProblemLog.Entry::warn).toList());
  }

  /** What proxies refuse now, one line per Gateway, type and reason. */
  List<String> currentNacks() {
    return nackLog.current();
  }

  private void closed(long streamId) {
    nacks.streamClosed(streamId);
    if (refusing.keySet().removeIf(k -> k.startsWith(streamId + " "))) {
      publishNacks();
    }
    String gateway = streams.remove(streamId);
    if (gateway != null) {
      metrics.proxyDisconnected(gateway);
    }
  }
}

package dev.tollgate.serve.snapshot;

import io.envoyproxy.controlplane.cache.Response;
import io.envoyproxy.controlplane.cache.SimpleCache;
import io.envoyproxy.controlplane.cache.Watch;
import io.envoyproxy.controlplane.cache.XdsRequest;
import java.util.Set;
import java.util.function.Consumer;

/**
 * java-control-plane's snapshot cache over content-versioned snapshots, grouped by node cluster.
 * A NACK is treated as "I have seen that version": the refused configuration is not sent again,
 * anything newer is.
 */
final class ContentCache extends SimpleCache<String, ContentSnapshot> {

  private final NackedVersions nacks;

  ContentCache(NackedVersions nacks) {
    super(node -> node.getCluster());
    this.nacks = nacks;
  }

  @Override
  public Watch createWatch(boolean ads, XdsRequest request, Set<String> knownResourceNames, Consumer<Response> consumer,
      boolean hasClusterChanged, boolean allowDefaultEmptyEdsUpdate) {
    String rejected = request.hasErrorDetail() ? nacks.takeRejected() : null;
    if (rejected != null) {
      request = XdsRequest.create(request.v3Request().toBuilder().setVersionInfo(rejected).build());
    } else if (subscribesToUnsent(request, knownResourceNames)) {
      // A client adding names to its subscription (gRPC does, for clusters too) must get them
      // now, although nothing changed on the server since its last ACK.
      request = XdsRequest.create(request.v3Request().toBuilder().setVersionInfo("").build());
    }
    return super.createWatch(ads, request, knownResourceNames, consumer, hasClusterChanged, allowDefaultEmptyEdsUpdate);
  }

  /** Whether the request names a resource that exists and has not been sent on this stream. */
  private boolean subscribesToUnsent(XdsRequest request, Set<String> known) {
    if (request.getResourceNamesList().isEmpty() || !request.v3Request().hasNode()) {
      return false;
    }
    ContentSnapshot snapshot = getSnapshot(request.v3Request().getNode().getCluster());
    if (snapshot == null || request.getResourceType() == null) {
      return false;
    }
    var existing = snapshot.versionedResources(request.getResourceType());
    return request.getResourceNamesList().stream().anyMatch(n -> existing.containsKey(n) && !known.contains(n));
  }
}

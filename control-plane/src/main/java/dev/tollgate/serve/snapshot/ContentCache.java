package dev.tollgate.serve.snapshot;

import io.envoyproxy.controlplane.cache.CacheStatusInfo;
import io.envoyproxy.controlplane.cache.DeltaCacheStatusInfo;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.Response;
import io.envoyproxy.controlplane.cache.SimpleCache;
import io.envoyproxy.controlplane.cache.Watch;
import io.envoyproxy.controlplane.cache.XdsRequest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Offers the new snapshot only to the watches of types whose version changed. The cache would
   * otherwise walk every watch of the Gateway and, for delta streams, compare every resource of
   * every type, on every publication (java-control-plane issue #505); a watch of an unchanged
   * type is answered by neither path, since its resources and their versions are the ones it had.
   */
  @Override
  protected void respondWithSpecificOrder(String group, ContentSnapshot previous, ContentSnapshot snapshot,
      Map<Resources.ResourceType, CacheStatusInfo<String>> watches,
      Map<Resources.ResourceType, DeltaCacheStatusInfo<String>> deltaWatches) {
    if (previous == null) {
      super.respondWithSpecificOrder(group, null, snapshot, watches, deltaWatches);
      return;
    }
    Map<Resources.ResourceType, CacheStatusInfo<String>> changed = new EnumMap<>(Resources.ResourceType.class);
    Map<Resources.ResourceType, DeltaCacheStatusInfo<String>> changedDelta = new EnumMap<>(Resources.ResourceType.class);
    for (Resources.ResourceType type : Resources.ResourceType.values()) {
      if (!previous.version(type, List.of()).equals(snapshot.version(type, List.of()))) {
        if (watches.containsKey(type)) {
          changed.put(type, watches.get(type));
        }
        if (deltaWatches.containsKey(type)) {
          changedDelta.put(type, deltaWatches.get(type));
        }
      }
    }
    super.respondWithSpecificOrder(group, previous, snapshot, changed, changedDelta);
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

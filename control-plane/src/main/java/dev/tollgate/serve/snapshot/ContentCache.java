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
    }
    return super.createWatch(ads, request, knownResourceNames, consumer, hasClusterChanged, allowDefaultEmptyEdsUpdate);
  }
}

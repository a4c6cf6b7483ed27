package dev.tollgate.serve.snapshot;

import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import com.google.common.util.concurrent.MoreExecutors;
import io.envoyproxy.controlplane.cache.SnapshotCache;
import io.envoyproxy.controlplane.server.DiscoveryServerCallbacks;
import io.envoyproxy.controlplane.server.ExecutorGroup;
import io.envoyproxy.controlplane.server.V3DiscoveryServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each Gateway's proxies are served. A proxy belongs to the Gateway its node's cluster
 * names ({@code namespace/name}, as Envoy Gateway's bootstrap sets it) and sees that Gateway's
 * resources only; a node naming no known Gateway receives nothing.
 *
 * <p>Updates never take away what is still in use: when new configuration drops clusters, load
 * assignments or secrets, it is first served together with them, and they go only after the
 * removal delay, once proxies have moved to the listeners and routes that no longer use them.
 * The cache answers clusters and endpoints before listeners and routes.
 */
public final class GatewaySnapshots implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GatewaySnapshots.class);
  private static final List<XdsType> REMOVED_LATE = List.of(XdsType.CLUSTER, XdsType.ENDPOINT, XdsType.SECRET);

  private final NackedVersions nacks = new NackedVersions();
  private final ContentCache cache = new ContentCache(nacks);
  private final EncodedSerializer serializer = new EncodedSerializer();
  /**
   * Sends responses off the publishing thread, in order per stream: publishing then costs what
   * changed, not what the proxies are sent, and proxies are served in parallel.
   */
  private final ExecutorService senders = Executors.newFixedThreadPool(
      Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
        Thread t = new Thread(r, "tollgate-xds-send");
        t.setDaemon(true);
        return t;
      });
  private final Map<String, GatewayXds> served = new ConcurrentHashMap<>();
  private final Map<String, ScheduledFuture<?>> pendingRemovals = new HashMap<>();
  /** The configuration last published for each Gateway (served, or being served once removals end). */
  private final Map<String, GatewayXds> targets = new HashMap<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "tollgate-snapshot-removals");
    t.setDaemon(true);
    return t;
  });
  private final Duration removalDelay;

  public GatewaySnapshots(Duration removalDelay) {
    this.removalDelay = removalDelay;
  }

  public SnapshotCache<String, ?> cache() {
    return cache;
  }

  /**
   * java-control-plane's ADS service over these snapshots, serving each resource from its
   * canonical encoding and sending on its own threads.
   */
  public V3DiscoveryServer discoveryServer(List<DiscoveryServerCallbacks> callbacks) {
    ExecutorGroup perStream = () -> MoreExecutors.newSequentialExecutor(senders);
    return new V3DiscoveryServer(callbacks, cache, perStream, serializer);
  }

  /** Where the ADS stream records responses and NACKs, so a refused configuration is not resent. */
  public NackedVersions nacks() {
    return nacks;
  }

  /**
   * Serves a new translation.
   *
   * @param gateways the Gateways whose configuration is valid, by {@code namespace/name}
   * @param withheld Gateways whose new configuration was not valid: they keep what they have
   * @return what changed, and so what proxies are sent
   */
  public synchronized PublishedChanges publish(Map<String, GatewayXds> gateways, Set<String> withheld) {
    PublishedChanges changes = new PublishedChanges();
    gateways.forEach((gateway, xds) -> publish(gateway, xds, changes));
    for (String gone : Set.copyOf(served.keySet())) {
      if (!gateways.containsKey(gone) && !withheld.contains(gone)) {
        GatewayXds before = targets.get(gone);
        if (before == null || before.size() > 0) {
          LOG.info("gateway {} no longer exists; its proxies are served no configuration", gone);
          publish(gone, GatewayXds.builder(gone).build(), changes);
        }
      }
    }
    return changes;
  }

  private void publish(String gateway, GatewayXds next, PublishedChanges changes) {
    // The pipeline reuses an unchanged Gateway's configuration instance: nothing to hash or push,
    // and a removal under way still ends where it was going.
    GatewayXds before = targets.get(gateway);
    if (before == next) {
      return;
    }
    targets.put(gateway, next);
    ScheduledFuture<?> pending = pendingRemovals.remove(gateway);
    if (pending != null) {
      pending.cancel(false);
    }
    GatewayXds current = served.get(gateway);
    ContentSnapshot snapshot = new ContentSnapshot(next, cache.getSnapshot(gateway));
    // What the snapshot replaced is what was last published, unless a removal was under way.
    if (current == before) {
      changes.gateway(gateway, snapshot.changes());
    } else {
      changes.gateway(gateway, before, next);
    }
    if (current == null || !snapshot.removesAny(REMOVED_LATE)) {
      set(gateway, next, snapshot);
      return;
    }
    set(gateway, withDropped(current, next));
    pendingRemovals.put(gateway, scheduler.schedule(() -> finishRemoval(gateway, next),
        removalDelay.toMillis(), TimeUnit.MILLISECONDS));
  }

  private synchronized void finishRemoval(String gateway, GatewayXds next) {
    pendingRemovals.remove(gateway);
    set(gateway, next);
  }

  private void set(String gateway, GatewayXds xds) {
    set(gateway, xds, new ContentSnapshot(xds, cache.getSnapshot(gateway)));
  }

  private void set(String gateway, GatewayXds xds, ContentSnapshot snapshot) {
    snapshot.register(serializer);
    served.put(gateway, xds);
    cache.setSnapshot(gateway, snapshot);
  }

  /** The next configuration plus what it drops, so nothing disappears while still referenced. */
  private static GatewayXds withDropped(GatewayXds current, GatewayXds next) {
    GatewayXds.Builder b = next.toBuilder();
    for (XdsType type : REMOVED_LATE) {
      for (var resource : current.resources(type)) {
        String name = type.nameOf(resource);
        if (next.resource(type, name).isEmpty()) {
          b.put(type, resource, current.sources(type, name).toArray(dev.tollgate.translator.model.ObjectKey[]::new));
        }
      }
    }
    return b.build();
  }

  /** What a Gateway's proxies are being served now. */
  public Optional<GatewayXds> served(String gateway) {
    return Optional.ofNullable(served.get(gateway));
  }

  public Map<String, GatewayXds> all() {
    return Map.copyOf(served);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    senders.shutdownNow();
  }
}

package dev.tollgate.benchmarks;

import dev.tollgate.serve.snapshot.GatewaySnapshots;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.controlplane.cache.SimpleCache;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.controlplane.server.DiscoveryServerCallbacks;
import io.envoyproxy.controlplane.server.V3DiscoveryServer;
import io.envoyproxy.envoy.config.core.v3.Node;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What serves a translation's output: Tollgate's snapshots, or java-control-plane's plain cache. */
interface Servers extends AutoCloseable {

  /** The ADS service over this cache, as the control plane sets it up. */
  V3DiscoveryServer discoveryServer(List<DiscoveryServerCallbacks> callbacks);

  void publish(Map<String, GatewayXds> gateways);

  @Override
  void close();

  static Servers of(String kind) {
    return switch (kind) {
      case "tollgate" -> new Tollgate();
      case "simple" -> new Plain();
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /** Tollgate's snapshots: content versions per resource and type, unchanged Gateways not published again. */
  final class Tollgate implements Servers {
    private final GatewaySnapshots snapshots = new GatewaySnapshots(Duration.ofSeconds(2));

    @Override
    public V3DiscoveryServer discoveryServer(List<DiscoveryServerCallbacks> callbacks) {
      return snapshots.discoveryServer(callbacks);
    }

    @Override
    public void publish(Map<String, GatewayXds> gateways) {
      snapshots.publish(gateways, Set.of());
    }

    @Override
    public void close() {
      snapshots.close();
    }
  }

  /**
   * What a Java control plane does without content versions or reuse: after every translation a
   * new {@link Snapshot} of every resource of every Gateway, with one new version for all of it.
   */
  final class Plain implements Servers {
    private final SimpleCache<String, Snapshot> cache = new SimpleCache<>(Node::getCluster) {};
    private long version;

    /** java-control-plane's defaults: each response serialized and sent on the thread that sets the snapshot. */
    @Override
    public V3DiscoveryServer discoveryServer(List<DiscoveryServerCallbacks> callbacks) {
      return new V3DiscoveryServer(callbacks, cache);
    }

    @Override
    public void publish(Map<String, GatewayXds> gateways) {
      String v = Long.toString(++version);
      gateways.forEach((name, xds) -> cache.setSnapshot(name, Snapshot.create(typed(xds, XdsType.CLUSTER),
          typed(xds, XdsType.ENDPOINT), typed(xds, XdsType.LISTENER), typed(xds, XdsType.ROUTE),
          typed(xds, XdsType.SECRET), v)));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> typed(GatewayXds xds, XdsType type) {
      return (List<T>) (List<?>) xds.resources(type);
    }

    @Override
    public void close() {}
  }
}

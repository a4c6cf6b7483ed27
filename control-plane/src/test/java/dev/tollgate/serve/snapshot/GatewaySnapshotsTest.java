package dev.tollgate.serve.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.Protos;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatewaySnapshotsTest {

  private static GatewayXds withClusters(String... names) {
    GatewayXds.Builder b = GatewayXds.builder("default/eg");
    for (String n : names) {
      b.put(XdsType.CLUSTER, Cluster.newBuilder().setName(n).setConnectTimeout(Protos.seconds(1)).build());
    }
    return b.build();
  }

  private static Set<String> servedClusters(GatewaySnapshots s) {
    return Set.copyOf(s.served("default/eg").orElseThrow().resources(XdsType.CLUSTER).stream().map(XdsType.CLUSTER::nameOf).toList());
  }

  @Test
  void withheldGateway_keepsWhatItIsServed_goneGatewayIsServedNothing() throws Exception {
    try (GatewaySnapshots s = new GatewaySnapshots(Duration.ZERO)) {
      s.publish(Map.of("default/eg", withClusters("a")), Set.of());
      s.publish(Map.of(), Set.of("default/eg"));
      assertThat(servedClusters(s)).containsExactly("a");
      s.publish(Map.of(), Set.of());
      Thread.sleep(200); // clusters leave after the removal delay, even when the whole Gateway goes
      assertThat(servedClusters(s)).isEmpty();
    }
  }

  @Test
  void droppedClusters_stayServedUntilTheRemovalDelayHasPassed() throws Exception {
    try (GatewaySnapshots s = new GatewaySnapshots(Duration.ofMillis(300))) {
      s.publish(Map.of("default/eg", withClusters("a", "b")), Set.of());
      s.publish(Map.of("default/eg", withClusters("a", "c")), Set.of());
      assertThat(servedClusters(s)).containsExactlyInAnyOrder("a", "b", "c");
      Thread.sleep(900);
      assertThat(servedClusters(s)).containsExactlyInAnyOrder("a", "c");
    }
  }

  @Test
  void publish_saysWhatChanged_andTheSameInstanceAgainChangesNothing() throws Exception {
    try (GatewaySnapshots s = new GatewaySnapshots(Duration.ZERO)) {
      GatewayXds first = withClusters("a", "b");
      PublishedChanges initial = s.publish(Map.of("default/eg", first), Set.of());
      assertThat(initial.gateways()).isEqualTo(1);
      assertThat(initial.resources()).isEqualTo(Map.of(XdsType.CLUSTER, 2));
      assertThat(s.publish(Map.of("default/eg", first), Set.of()).gateways()).as("the same instance").isZero();
      PublishedChanges next = s.publish(Map.of("default/eg", withClusters("a", "c")), Set.of());
      assertThat(next.resources()).as("b removed, c added, a as it was").isEqualTo(Map.of(XdsType.CLUSTER, 2));
      assertThat(next.toString()).isEqualTo("1 gateway changed (2 clusters)");
      assertThat(s.publish(Map.of(), Set.of()).resourceCount()).as("the Gateway gone").isEqualTo(2);
      assertThat(s.publish(Map.of(), Set.of()).gateways()).as("and gone already").isZero();
    }
  }

  @Test
  void versions_dependOnContentOnly() {
    ContentSnapshot one = new ContentSnapshot(withClusters("a", "b"));
    ContentSnapshot same = new ContentSnapshot(withClusters("b", "a"));
    ContentSnapshot other = new ContentSnapshot(withClusters("a"));
    assertThat(one.version(Resources.ResourceType.CLUSTER, java.util.List.of()))
        .isEqualTo(same.version(Resources.ResourceType.CLUSTER, java.util.List.of()))
        .isNotEqualTo(other.version(Resources.ResourceType.CLUSTER, java.util.List.of()));
    assertThat(one.versionedResources(Resources.ResourceType.CLUSTER).get("a").version())
        .isEqualTo(other.versionedResources(Resources.ResourceType.CLUSTER).get("a").version());
  }
}

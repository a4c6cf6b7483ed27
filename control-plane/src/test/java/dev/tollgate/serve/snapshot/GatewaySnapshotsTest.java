package dev.tollgate.serve.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.Protos;
import dev.tollgate.translator.xds.XdsType;
import com.google.protobuf.Any;
import com.google.protobuf.Message;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.VersionedResource;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import java.time.Duration;
import java.util.List;
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

  private static GatewayXds withTimeouts(long a, long b) {
    return GatewayXds.builder("default/eg")
        .put(XdsType.CLUSTER, Cluster.newBuilder().setName("a").setConnectTimeout(Protos.seconds(a)).build())
        .put(XdsType.CLUSTER, Cluster.newBuilder().setName("b").setConnectTimeout(Protos.seconds(b)).build())
        .build();
  }

  private static Map<String, ? extends VersionedResource<?>> servedClusters(GatewaySnapshots s, String gateway) {
    return s.cache().getSnapshot(gateway).versionedResources(Resources.ResourceType.CLUSTER);
  }

  @Test
  void regeneratedWithEqualContent_keepsItsVersions_servesTheNewInstances_andChangesNothing() {
    try (GatewaySnapshots s = new GatewaySnapshots(Duration.ZERO)) {
      s.publish(Map.of("default/eg", withTimeouts(1, 2)), Set.of());
      var before = servedClusters(s, "default/eg");
      String version = s.cache().getSnapshot("default/eg").version(Resources.ResourceType.CLUSTER, List.of());
      GatewayXds regenerated = withTimeouts(1, 2);
      PublishedChanges again = s.publish(Map.of("default/eg", regenerated), Set.of());
      var after = servedClusters(s, "default/eg");
      assertThat(again.resourceCount()).as("new instances, the same bytes").isZero();
      assertThat(s.cache().getSnapshot("default/eg").version(Resources.ResourceType.CLUSTER, List.of())).isEqualTo(version);
      assertThat(after.get("a").version()).isEqualTo(before.get("a").version());
      assertThat(after.get("a").resource()).as("so that the replaced configuration can be collected")
          .isSameAs(regenerated.resource(XdsType.CLUSTER, "a").orElseThrow());
    }
  }

  @Test
  void republishedWithTheSameResourceInstances_keepsTheTypesMap() {
    try (GatewaySnapshots s = new GatewaySnapshots(Duration.ZERO)) {
      GatewayXds first = withTimeouts(1, 2);
      s.publish(Map.of("default/eg", first), Set.of());
      var before = servedClusters(s, "default/eg");
      assertThat(s.publish(Map.of("default/eg", first.toBuilder().build()), Set.of()).resourceCount()).isZero();
      assertThat(servedClusters(s, "default/eg")).isSameAs(before);
    }
  }

  @Test
  void oneResourceChanged_othersKeepTheirVersions_andOnlyItIsCounted() {
    try (GatewaySnapshots s = new GatewaySnapshots(Duration.ZERO)) {
      s.publish(Map.of("default/eg", withTimeouts(1, 2)), Set.of());
      var before = servedClusters(s, "default/eg");
      PublishedChanges changes = s.publish(Map.of("default/eg", withTimeouts(1, 3)), Set.of());
      var after = servedClusters(s, "default/eg");
      assertThat(changes.resources()).isEqualTo(Map.of(XdsType.CLUSTER, 1));
      assertThat(after.get("a").version()).isEqualTo(before.get("a").version());
      assertThat(after.get("b").version()).isNotEqualTo(before.get("b").version())
          .isEqualTo(ContentVersions.ofResource(withTimeouts(1, 3).encoded(XdsType.CLUSTER, "b")));
      assertThat(s.publish(Map.of("default/eg", withTimeouts(1, 3)), Set.of()).resources())
          .as("counted against the snapshot replaced, not an earlier one").isEmpty();
    }
  }

  @Test
  void serializer_packsTheCanonicalEncoding_andPacksAnUnknownMessageItself() throws Exception {
    EncodedSerializer serializer = new EncodedSerializer();
    GatewayXds xds = withClusters("a");
    new ContentSnapshot(xds).register(serializer);
    Message a = xds.resource(XdsType.CLUSTER, "a").orElseThrow();
    Any packed = serializer.serialize(a, Resources.ApiVersion.V3);
    assertThat(packed.getValue()).isSameAs(xds.encoded(XdsType.CLUSTER, "a"));
    assertThat(packed.getTypeUrl()).isEqualTo(XdsType.CLUSTER.typeUrl());
    assertThat(packed.unpack(Cluster.class)).isEqualTo(a);
    Cluster unknown = Cluster.newBuilder().setName("x").build();
    assertThat(serializer.serialize(unknown, Resources.ApiVersion.V3)).isEqualTo(Any.pack(unknown));
  }

  @Test
  void serializer_holdsExactlyWhatIsServed_replacedAndRemovedResourcesLeaveIt() {
    EncodedSerializer serializer = new EncodedSerializer();
    ContentSnapshot first = new ContentSnapshot(withTimeouts(1, 2));
    first.register(serializer);
    assertThat(serializer.size()).isEqualTo(2);
    GatewayXds next = withClusters("a");
    ContentSnapshot second = new ContentSnapshot(next, first);
    second.register(serializer);
    assertThat(serializer.size()).as("a replaced by its new instance, b removed").isEqualTo(1);
    Message a = next.resource(XdsType.CLUSTER, "a").orElseThrow();
    assertThat(serializer.serialize(a, Resources.ApiVersion.V3).getValue()).isSameAs(next.encoded(XdsType.CLUSTER, "a"));
  }
}

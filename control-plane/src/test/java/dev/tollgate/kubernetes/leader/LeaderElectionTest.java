package dev.tollgate.kubernetes.leader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.kubernetes.status.StatusWriter;
import dev.tollgate.kubernetes.status.StatusWriterSettings;
import dev.tollgate.kubernetes.CrdMockCluster;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import dev.tollgate.translator.status.Condition;
import dev.tollgate.translator.status.ObjectStatus;
import dev.tollgate.translator.status.RouteStatus;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Two replicas on one Lease: one writes statuses; when it stops, the other takes over without rewriting. */
class LeaderElectionTest {

  private static final Duration LEASE = Duration.ofSeconds(2);

  @Test
  void twoReplicas_oneWrites_closingItHandsOverWithinTheLease_andNothingCorrectIsRewritten() throws Exception {
    try (var cluster = new CrdMockCluster()) {
      cluster.create(routeYaml("a") + "---\n" + routeYaml("b"));
      cluster.statusWrites();
      Replica one = new Replica(cluster.newClient(), "replica-one");
      Replica two = new Replica(cluster.newClient(), "replica-two");
      try {
        var statuses = acceptedRoutes("accepted", "a", "b");
        one.writer.write(statuses);
        two.writer.write(statuses);
        one.election.start();
        two.election.start();
        await(() -> one.election.leading() || two.election.leading(), LEASE.multipliedBy(3));
        Replica leader = one.election.leading() ? one : two;
        Replica follower = leader == one ? two : one;
        assertThat(leader.writer.awaitWritten(Duration.ofSeconds(10))).isTrue();
        assertThat(follower.election.leading()).isFalse();
        assertThat(follower.writer.active()).isFalse();
        assertThat(cluster.statusWrites()).hasSize(2);
        Lease lease = cluster.client().leases().inNamespace("tollgate").withName("tollgate-leader").get();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(leader.election.identity());

        // The follower keeps up with translations but writes nothing while it follows.
        var changed = acceptedRoutes("accepted again", "a", "b");
        follower.writer.write(changed);
        Thread.sleep(300);
        assertThat(cluster.statusWrites()).isEmpty();
        leader.writer.write(changed);
        assertThat(leader.writer.awaitWritten(Duration.ofSeconds(10))).isTrue();
        assertThat(cluster.statusWrites()).hasSize(2);

        long stopped = System.nanoTime();
        leader.close();
        await(follower.election::leading, LEASE);
        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(LEASE);
        assertThat(follower.writer.awaitWritten(Duration.ofSeconds(10))).isTrue();
        assertThat(cluster.statusWrites()).isEmpty();
        assertThat(follower.registry.counter("tollgate.leader.transitions", "change", "started").count()).isEqualTo(1);
        assertThat(follower.registry.get("tollgate.leader").gauge().value()).isEqualTo(1);

        // The new leader does write what changes.
        follower.writer.write(acceptedRoutes("after failover", "a", "b"));
        assertThat(follower.writer.awaitWritten(Duration.ofSeconds(10))).isTrue();
        assertThat(cluster.statusWrites()).hasSize(2);
      } finally {
        one.close();
        two.close();
      }
    }
  }

  @Test
  void aLeaderThatDiesWithoutReleasing_isReplacedOnceItsLeaseExpires_andTheNewLeaderWrites() throws Exception {
    try (var cluster = new CrdMockCluster()) {
      cluster.create(routeYaml("a"));
      Replica one = new Replica(cluster.newClient(), "replica-one");
      Replica two = new Replica(cluster.newClient(), "replica-two");
      try {
        one.election.start();
        await(one.election::leading, LEASE.multipliedBy(3));
        two.election.start();
        Thread.sleep(LEASE.toMillis()); // the follower has seen the lease renewed
        assertThat(two.election.leading()).isFalse();

        // Killed: its connection gone, it neither renews nor releases the lease.
        long killed = System.nanoTime();
        one.client.close();
        await(two.election::leading, LEASE.multipliedBy(3));
        Duration took = Duration.ofNanos(System.nanoTime() - killed);
        assertThat(took).as("until the lease expired and was taken").isGreaterThan(Duration.ofMillis(500))
            .isLessThan(LEASE.plus(Duration.ofSeconds(2)));
        cluster.statusWrites();
        two.writer.write(acceptedRoutes("after the leader died", "a"));
        assertThat(two.writer.awaitWritten(Duration.ofSeconds(10))).isTrue();
        assertThat(cluster.statusWrites()).hasSize(1);
      } finally {
        one.close();
        two.close();
      }
    }
  }

  @Test
  void identity_podNameWhenSet_elseHostWithRandomSuffix() {
    assertThat(LeaderSettings.identity(java.util.Map.of("POD_NAME", "tollgate-7f9c-abcde"))).isEqualTo("tollgate-7f9c-abcde");
    String a = LeaderSettings.identity(java.util.Map.of("HOSTNAME", "node1"));
    String b = LeaderSettings.identity(java.util.Map.of("HOSTNAME", "node1"));
    assertThat(a).startsWith("node1-").isNotEqualTo(b);
  }

  /** One replica: a status writer that writes while its election leads. */
  private static final class Replica implements AutoCloseable {
    final KubernetesClient client;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final StatusWriter writer;
    final LeaderElection election;
    private boolean closed;

    Replica(KubernetesClient client, String identity) {
      this.client = client;
      this.writer = new StatusWriter(client, StatusWriterSettings.defaults(), registry);
      LeaderSettings settings = LeaderSettings.defaults("tollgate").withIdentity(identity)
          .withDurations(LEASE, Duration.ofMillis(1500), Duration.ofMillis(200));
      this.election = new LeaderElection(client, settings, LeaderElection.Listener.of(writer::activate, writer::deactivate),
          registry);
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        election.close();
        writer.close();
        client.close();
      }
    }
  }

  private static String routeYaml(String name) {
    return """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: %s, namespace: default}
        spec:
          parentRefs: [{name: eg}]
        """.formatted(name);
  }

  private static List<ObjectStatus> acceptedRoutes(String message, String... names) {
    return java.util.Arrays.stream(names).map(n -> new ObjectStatus("gateway.networking.k8s.io/v1", "HTTPRoute", "default", n,
        new RouteStatus(List.of(new RouteStatus.Parent(new ParentReference("gateway.networking.k8s.io", "Gateway", null, "eg",
            null, null), "tollgate.dev/gatewayclass-controller",
            List.of(new Condition("Accepted", "True", 1L, "1970-01-01T00:00:00Z", "Accepted", message))))))).toList();
  }

  private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(condition.getAsBoolean()).as("within %s", timeout).isTrue();
  }
}

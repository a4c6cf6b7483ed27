package dev.tollgate.kubernetes;

import static dev.tollgate.kubernetes.KubernetesServe.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.kubernetes.status.StatusWriteBack;
import dev.tollgate.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two replicas of {@code serve --provider kubernetes} on one cluster: both serve, exactly one
 * writes statuses, and when it stops the other takes over within the lease duration and writes
 * nothing that is already right.
 */
@Timeout(120)
class KubernetesHighAvailabilityTest {

  private static final Duration LEASE = Duration.ofSeconds(3);
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Map<String, Object> REPLICA = Map.of(
      "tollgate.resync-interval", "1s",
      "tollgate.leader-election.namespace", "tollgate",
      "tollgate.leader-election.lease-duration", LEASE.toMillis() + "ms",
      "tollgate.leader-election.renew-deadline", "2s",
      "tollgate.leader-election.retry-period", "200ms");

  @Test
  void twoReplicas_oneWritesEachStatusOnce_andStoppingItHandsOverWithoutRewriting() throws Exception {
    Path example = Golden.testdata().resolveSibling("deploy").resolve("examples/opa-sidecar");
    String manifests = Files.readString(example.resolve("00-quickstart.yaml")) + "\n---\n" + Files.readString(example.resolve("10-opa.yaml"));
    try (CrdMockCluster cluster = new CrdMockCluster()) {
      cluster.create(manifests);
      cluster.statusWrites();
      List<KubernetesServe> replicas = new ArrayList<>();
      try {
        replicas.add(KubernetesServe.against(cluster.url(), REPLICA));
        replicas.add(KubernetesServe.against(cluster.url(), REPLICA));
        for (KubernetesServe replica : replicas) {
          assertThat(eventually(WAIT, () -> replica.loop().last().isPresent())).as("every replica translates").isTrue();
        }
        assertThat(eventually(WAIT, () -> leaders(replicas).size() == 1)).as("one leader").isTrue();
        KubernetesServe leader = leaders(replicas).get(0);
        KubernetesServe follower = replicas.get(replicas.get(0) == leader ? 1 : 0);
        assertThat(eventually(WAIT, () -> "True".equals(accepted(cluster, "SecurityPolicy", "opa-jwt-authz")))).as("the policy's status").isTrue();
        assertThat(eventually(WAIT, () -> "True".equals(accepted(cluster, "HTTPRoute", "backend")))).as("the route's status").isTrue();
        assertThat(leader.bean(StatusWriteBack.class).awaitWritten(WAIT)).isTrue();

        // Every object with a status got exactly one write, from the leader alone.
        List<String> writes = cluster.statusWrites();
        assertThat(writes).as("one write per object").doesNotHaveDuplicates()
            .anyMatch(w -> w.contains("/gateways/eg/status"))
            .anyMatch(w -> w.contains("/httproutes/backend/status"))
            .anyMatch(w -> w.contains("/securitypolicies/"));
        assertThat(follower.bean(StatusWriteBack.class).leading()).isFalse();
        // Resyncs (every second) on both replicas write nothing more.
        Thread.sleep(2_500);
        assertThat(leader.bean(StatusWriteBack.class).awaitWritten(WAIT)).isTrue();
        assertThat(cluster.statusWrites()).as("writes after the statuses were right").isEmpty();

        long stopped = System.nanoTime();
        leader.close();
        replicas.remove(leader);
        assertThat(eventually(WAIT, () -> follower.bean(StatusWriteBack.class).leading())).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).as("handed over within the lease").isLessThan(LEASE);
        assertThat(follower.bean(StatusWriteBack.class).awaitWritten(WAIT)).isTrue();
        assertThat(cluster.statusWrites()).as("the new leader rewrites nothing that is right").isEmpty();

        // The new leader writes what changes: the route loses its parent, its status is rewritten once.
        var routes = cluster.client().genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute").inNamespace("default");
        routes.withName("backend").edit(r -> {
          r.getAdditionalProperties().put("spec", Map.of("parentRefs", List.of(Map.of("name", "no-such-gateway")),
              "rules", List.of(Map.of("backendRefs", List.of(Map.of("name", "backend", "port", 3000))))));
          return r;
        });
        assertThat(eventually(WAIT, () -> "False".equals(accepted(cluster, "HTTPRoute", "backend")))).as("the edited route's status")
            .isTrue();
        assertThat(follower.bean(StatusWriteBack.class).awaitWritten(WAIT)).isTrue();
        assertThat(cluster.statusWrites()).filteredOn(w -> w.contains("/httproutes/backend/status")).hasSize(1);
      } finally {
        for (KubernetesServe replica : replicas) {
          replica.close();
        }
      }
    }
  }

  private static List<KubernetesServe> leaders(List<KubernetesServe> replicas) {
    return replicas.stream().filter(r -> r.bean(StatusWriteBack.class).leading()).toList();
  }

  /** The Accepted condition's status in the first parent or ancestor entry of an object in default. */
  private static String accepted(CrdMockCluster cluster, String kind, String name) {
    String apiVersion = kind.equals("SecurityPolicy") ? "gateway.envoyproxy.io/v1alpha1" : "gateway.networking.k8s.io/v1";
    return ClusterObjects.conditionStatus(cluster.get(apiVersion, kind, "default", name),
        kind.equals("SecurityPolicy") ? "ancestors" : "parents", "Accepted");
  }
}

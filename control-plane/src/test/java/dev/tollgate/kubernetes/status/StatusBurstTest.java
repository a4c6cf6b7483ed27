package dev.tollgate.kubernetes.status;

import static dev.tollgate.kubernetes.status.Statuses.accepted;
import static dev.tollgate.kubernetes.status.Statuses.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.kubernetes.CrdMockCluster;
import dev.tollgate.translator.status.ObjectStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A burst of translations over 1,000 routes becomes one write per route. */
class StatusBurstTest {

  private static final int ROUTES = 1000;

  @Test
  void activeWriter_threeTranslationsOfThousandRoutes_latestWins_thenOnlyTheChangedRouteIsWritten() throws Exception {
    try (CrdMockCluster cluster = new CrdMockCluster();
        StatusWriter writer = new StatusWriter(cluster.client(),
            StatusWriterSettings.defaults().withRate(100_000, ROUTES), new SimpleMeterRegistry())) {
      StringBuilder yaml = new StringBuilder();
      IntStream.range(0, ROUTES).forEach(i -> yaml.append(Statuses.routeYaml("r" + i)).append("---\n"));
      cluster.create(yaml.toString());
      cluster.statusWrites();

      // Three translations arrive before the writer gets to them; the first is written while the others come in.
      writer.activate();
      writer.write(statuses("first"));
      writer.write(statuses("second"));
      writer.write(statuses("third"));
      assertThat(writer.awaitWritten(Duration.ofSeconds(60))).isTrue();

      // Never more than one write per route and translation (how many coalesce depends on timing).
      List<String> writes = cluster.statusWrites();
      assertThat(writes.stream().collect(java.util.stream.Collectors.groupingBy(w -> w,
          java.util.stream.Collectors.counting())).values()).hasSize(ROUTES).allMatch(n -> n <= 3);
      for (int i : List.of(0, 499, 999)) {
        assertThat(message(cluster, "r" + i)).isEqualTo("third");
      }

      // Once settled: the same statuses again, nothing; one route changed, one write.
      writer.write(statuses("third"));
      List<ObjectStatus> oneChanged = new ArrayList<>(statuses("third"));
      oneChanged.set(7, route("r7", accepted(false, "NoMatchingParent", "changed", 1)));
      writer.write(oneChanged);
      assertThat(writer.awaitWritten(Duration.ofSeconds(60))).isTrue();
      assertThat(cluster.statusWrites())
          .containsExactly("PUT /apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/r7/status");
    }
  }

  @Test
  void idleWriter_thousandRoutesChangedThreeTimes_exactlyOneWriteEachOnActivation() throws Exception {
    try (CrdMockCluster cluster = new CrdMockCluster();
        StatusWriter writer = new StatusWriter(cluster.client(),
            StatusWriterSettings.defaults().withRate(100_000, ROUTES), new SimpleMeterRegistry())) {
      StringBuilder yaml = new StringBuilder();
      IntStream.range(0, ROUTES).forEach(i -> yaml.append(Statuses.routeYaml("r" + i)).append("---\n"));
      cluster.create(yaml.toString());
      cluster.statusWrites();

      writer.write(statuses("first"));
      writer.write(statuses("second"));
      writer.write(statuses("third"));
      writer.activate();
      assertThat(writer.awaitWritten(Duration.ofSeconds(60))).isTrue();

      assertThat(cluster.statusWrites()).hasSize(ROUTES).doesNotHaveDuplicates();
      assertThat(message(cluster, "r0")).isEqualTo("third");
      assertThat(message(cluster, "r999")).isEqualTo("third");
    }
  }

  private static List<ObjectStatus> statuses(String message) {
    return IntStream.range(0, ROUTES).mapToObj(i -> route("r" + i, accepted(true, "Accepted", message, 1))).toList();
  }

  @SuppressWarnings("unchecked")
  private static String message(CrdMockCluster cluster, String route) {
    var parents = (List<java.util.Map<String, Object>>) cluster.status(Statuses.GATEWAY_API, "HTTPRoute", "default", route)
        .get("parents");
    return (String) ((List<java.util.Map<String, Object>>) parents.get(0).get("conditions")).get(0).get("message");
  }
}

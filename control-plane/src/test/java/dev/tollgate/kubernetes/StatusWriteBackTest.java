package dev.tollgate.kubernetes;

import static dev.tollgate.kubernetes.KubernetesServe.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** serve with the Kubernetes provider writes the statuses translate prints back to the objects in the cluster. */
@Timeout(60)
class StatusWriteBackTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private MockApiServer api;
  private KubernetesClient client;
  private ClusterObjects cluster;

  @BeforeEach
  void cluster() throws Exception {
    api = MockApiServer.crud();
    client = api.client();
    cluster = new ClusterObjects(client);
    cluster.installCrds(ClusterObjects.GATEWAY_API);
    cluster.create(Files.readString(Golden.testdata().resolve("basic/quickstart.in.yaml")));
  }

  @AfterEach
  void stop() {
    client.close();
    api.close();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }

  private String condition(GenericKubernetesResource object, String type) {
    Map<String, Object> status = object == null ? null : (Map<String, Object>) object.getAdditionalProperties().get("status");
    if (status == null) {
      return null;
    }
    List<Map<String, Object>> conditions = status.containsKey("parents")
        ? list(list(status.get("parents")).stream().findFirst().map(p -> p.get("conditions")).orElse(null))
        : list(status.get("conditions"));
    return conditions.stream().filter(c -> type.equals(c.get("type"))).map(c -> c.get("status") + " " + c.get("reason"))
        .findFirst().orElse(null);
  }

  @Test
  void theLeadersTranslation_isWrittenToEveryObjectsStatus() throws Exception {
    try (KubernetesServe serve = KubernetesServe.against(api, Map.of())) {
      var routes = cluster.resources("gateway.networking.k8s.io/v1", "HTTPRoute", "default");
      var gateways = cluster.resources("gateway.networking.k8s.io/v1", "Gateway", "default");
      assertThat(eventually(WAIT, () -> "True Accepted".equals(condition(routes.withName("backend").get(), "Accepted"))))
          .as("the HTTPRoute's parent status, written by the leader").isTrue();
      assertThat(eventually(WAIT, () -> "True Programmed".equals(condition(gateways.withName("eg").get(), "Programmed"))))
          .as("the Gateway's status").isTrue();
      var parent = list(((Map<String, Object>) routes.withName("backend").get().getAdditionalProperties().get("status"))
          .get("parents")).get(0);
      assertThat(parent.get("controllerName")).isEqualTo("tollgate.dev/gatewayclass-controller");
      assertThat(client.leases().inNamespace("default").withName("tollgate-leader").get()).as("the Lease it holds").isNotNull();
    }
  }
}

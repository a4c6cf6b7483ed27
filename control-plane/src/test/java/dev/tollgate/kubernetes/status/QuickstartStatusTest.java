package dev.tollgate.kubernetes.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.kubernetes.CrdMockCluster;
import dev.tollgate.testing.Golden;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.status.ObjectStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statuses of a real translation of objects read from the API server, written back to them. */
class QuickstartStatusTest {

  private static final String ROUTE_STATUS = "PUT /apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/backend/status";

  @Test
  void quickstart_statusesLandWithConditionsAndGeneration_aSpecChangeRewritesOnlyTheRoute() throws Exception {
    SettableClock clock = new SettableClock("2026-03-01T08:00:00Z");
    try (CrdMockCluster cluster = new CrdMockCluster();
        StatusWriter writer = new StatusWriter(cluster.client(), StatusWriterSettings.defaults().withClock(clock),
            new SimpleMeterRegistry())) {
      cluster.create(Files.readString(Golden.testdata().resolve("basic/quickstart.in.yaml")));
      cluster.statusWrites();
      writer.activate();

      writer.write(translate(cluster));
      assertThat(writer.awaitWritten(Duration.ofSeconds(10))).isTrue();
      assertThat(cluster.statusWrites()).containsExactlyInAnyOrder(
          "PUT /apis/gateway.networking.k8s.io/v1/gatewayclasses/eg/status",
          "PUT /apis/gateway.networking.k8s.io/v1/namespaces/default/gateways/eg/status",
          ROUTE_STATUS);

      Map<String, Object> route = routeCondition(cluster, "Accepted");
      assertThat(route).containsEntry("status", "True").containsEntry("reason", "Accepted")
          .containsEntry("observedGeneration", 1);
      assertThat(route.get("lastTransitionTime")).isEqualTo("2026-03-01T08:00:00Z");
      assertThat(conditions(cluster.status(Statuses.GATEWAY_API, "Gateway", "default", "eg")))
          .extracting(c -> c.get("type") + "=" + c.get("status")).containsExactly("Accepted=True", "Programmed=True");
      assertThat(conditions(cluster.status(Statuses.GATEWAY_API, "GatewayClass", null, "eg")))
          .extracting(c -> c.get("type") + "=" + c.get("status")).containsExactly("Accepted=True");

      // The same objects translated again: nothing to write.
      writer.write(translate(cluster));
      assertThat(writer.awaitWritten(Duration.ofSeconds(10))).isTrue();
      assertThat(cluster.statusWrites()).isEmpty();

      // A new generation of the route: its observedGeneration moves, its condition stays accepted since then.
      GenericKubernetesResource live = cluster.get(Statuses.GATEWAY_API, "HTTPRoute", "default", "backend");
      @SuppressWarnings("unchecked")
      Map<String, Object> spec = (Map<String, Object>) live.getAdditionalProperties().get("spec");
      spec.put("hostnames", List.of("www.example.com", "example.com"));
      cluster.client().resource(live).update();
      cluster.statusWrites();
      clock.set("2026-03-01T09:00:00Z");

      writer.write(translate(cluster));
      assertThat(writer.awaitWritten(Duration.ofSeconds(10))).isTrue();
      assertThat(cluster.statusWrites()).containsExactly(ROUTE_STATUS);
      assertThat(routeCondition(cluster, "Accepted")).containsEntry("observedGeneration", 2)
          .containsEntry("lastTransitionTime", "2026-03-01T08:00:00Z");
    }
  }

  /** Reads every object back from the API server, through the same intake as files, and translates. */
  private static List<ObjectStatus> translate(CrdMockCluster cluster) throws Exception {
    StringBuilder yaml = new StringBuilder();
    for (String kind : List.of("GatewayClass", "Gateway", "HTTPRoute")) {
      for (GenericKubernetesResource r : cluster.client().genericKubernetesResources(Statuses.GATEWAY_API, kind)
          .inAnyNamespace().list().getItems()) {
        yaml.append(Serialization.asYaml(r));
      }
    }
    List<HasMetadata> core = List.of(
        cluster.client().services().inNamespace("default").withName("backend").get(),
        cluster.client().discovery().v1().endpointSlices().inNamespace("default").withName("backend-abcde").get());
    core.forEach(o -> yaml.append(Serialization.asYaml(o)));
    ManifestReader reader = new ManifestReader().readString("cluster", yaml.toString());
    assertThat(reader.problems()).isEmpty();
    return new Pipeline(TranslatorConfig.offline()).run(reader.resources(), reader.problems()).statuses();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> routeCondition(CrdMockCluster cluster, String type) {
    Map<String, Object> status = cluster.status(Statuses.GATEWAY_API, "HTTPRoute", "default", "backend");
    Map<String, Object> parent = ((List<Map<String, Object>>) status.get("parents")).get(0);
    assertThat(parent).containsEntry("controllerName", Statuses.OURS);
    return conditions(parent).stream().filter(c -> type.equals(c.get("type"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> conditions(Map<String, Object> status) {
    return (List<Map<String, Object>>) status.get("conditions");
  }
}

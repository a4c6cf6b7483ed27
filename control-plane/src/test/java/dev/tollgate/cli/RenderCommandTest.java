package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.tollgate.testing.Golden;
import dev.tollgate.translator.json.Mappers;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * {@code tollgate render}: golden outputs under testdata/render (each {@code NAME.manifests.yaml}
 * rendered to {@code NAME.render.yaml}, stderr to {@code NAME.render.err} when there is any; the
 * walkthrough's directory to {@code opa-sidecar.render.yaml}), and the walkthrough's pods checked
 * field by field.
 */
class RenderCommandTest {

  private static final Path RENDER = Golden.testdata().resolve("render");
  private static final Path WALKTHROUGH = Golden.testdata().resolveSibling("deploy").resolve("examples/opa-sidecar");

  static Stream<String> cases() throws Exception {
    try (Stream<Path> files = Files.list(RENDER)) {
      return Stream.concat(Stream.of("opa-sidecar"), files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".manifests.yaml")).map(n -> n.substring(0, n.length() - ".manifests.yaml".length()))
          .sorted().toList().stream());
    }
  }

  private static CliRun render(String name) {
    return name.equals("opa-sidecar")
        ? CliRun.of("render", "-f", WALKTHROUGH.toString(), "--infrastructure-namespace", "envoy-gateway-system")
        : CliRun.of("render", "-f", RENDER.resolve(name + ".manifests.yaml").toString(), "--infrastructure-namespace", "tollgate-system");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void render_printsTheGoldenObjects_sameBytesEveryRun(String name) throws Exception {
    CliRun run = render(name);
    Path out = RENDER.resolve(name + ".render.yaml");
    Path err = RENDER.resolve(name + ".render.err");
    if (Golden.updating()) {
      Files.writeString(out, run.out());
      if (run.err().isEmpty()) {
        Files.deleteIfExists(err);
      } else {
        Files.writeString(err, run.err());
      }
    }
    assertThat(run.out()).as(name + ": " + Golden.UPDATE_HINT).isEqualTo(Files.readString(out));
    assertThat(run.err()).as(name + " stderr").isEqualTo(Files.exists(err) ? Files.readString(err) : "");
    assertThat(run.exitCode()).isEqualTo(run.err().isEmpty() ? ExitCodes.OK : ExitCodes.REJECTED);
    assertThat(render(name).out()).as("deterministic").isEqualTo(run.out());
    for (JsonNode doc : documents(run.out())) {
      HasMetadata object = new KubernetesSerialization().unmarshal(Mappers.json().writeValueAsString(doc));
      assertThat(object.getKind()).as("read by Kubernetes' model as its own kind").isEqualTo(doc.path("kind").asText());
      assertThat(object.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "tollgate");
    }
  }

  @Test
  void walkthrough_podHasEnvoyAndOpa_sharingTheSocket_withOpasArgsAndProbesAsGiven_andAServiceOnPort80() throws Exception {
    CliRun run = render("opa-sidecar");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> docs = documents(run.out());
    JsonNode deployment = docs.stream().filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
    JsonNode pod = deployment.at("/spec/template/spec");
    JsonNode envoy = pod.path("containers").get(0);
    JsonNode opa = pod.path("containers").get(1);
    assertThat(envoy.path("name").asText()).isEqualTo("envoy");
    assertThat(opa.path("name").asText()).isEqualTo("opa");
    assertThat(pod.path("containers")).hasSize(2);
    assertThat(mountPaths(envoy, "opa-unix-socket")).containsExactly("/shared/opa");
    assertThat(mountPaths(opa, "opa-unix-socket")).containsExactly("/shared/opa");
    assertThat(mountPaths(opa, "opa-policy")).containsExactly("/policy");
    assertThat(volume(pod, "opa-unix-socket").path("emptyDir").isObject()).isTrue();
    assertThat(volume(pod, "opa-policy").at("/configMap/name").asText()).isEqualTo("opa-policy");

    // OPA's args and probes are the walkthrough's, value for value.
    JsonNode given = walkthroughOpaContainer();
    assertThat(opa.path("args")).isEqualTo(given.path("args"));
    assertThat(opa.path("livenessProbe")).isEqualTo(given.path("livenessProbe"));
    assertThat(opa.path("readinessProbe")).isEqualTo(given.path("readinessProbe"));
    assertThat(opa.path("image").asText()).isEqualTo(given.path("image").asText());

    JsonNode service = docs.stream().filter(d -> d.path("kind").asText().equals("Service")).findFirst().orElseThrow();
    assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(80);
    assertThat(service.at("/spec/ports/0/targetPort").asInt()).as("Envoy binds unprivileged").isEqualTo(10080);
    assertThat(service.at("/spec/type").asText()).isEqualTo("LoadBalancer");
    assertThat(envoy.path("ports").findValues("containerPort").stream().map(JsonNode::asInt).toList()).contains(10080);

    // The bootstrap names the Gateway and sends the projected token; its checksum is on the pod.
    JsonNode configMap = docs.stream().filter(d -> d.path("kind").asText().equals("ConfigMap")).findFirst().orElseThrow();
    Bootstrap bootstrap = dev.tollgate.translator.output.ProtoJson.parse(
        Mappers.json().readTree(configMap.at("/data/envoy.json").asText()), Bootstrap.newBuilder()).build();
    assertThat(bootstrap.getNode().getCluster()).isEqualTo("default/eg");
    assertThat(deployment.at("/spec/template/metadata/annotations").path("tollgate.dev/bootstrap-checksum").asText()).hasSize(64);
    assertThat(volume(pod, "tollgate-xds").at("/projected/sources/0/serviceAccountToken/audience").asText()).isEqualTo("tollgate.dev/xds");
  }

  @Test
  void render_json_isOneKubernetesList_ofTheSameObjects() throws Exception {
    CliRun yaml = render("opa-sidecar");
    CliRun json = CliRun.of("render", "-f", WALKTHROUGH.toString(), "--infrastructure-namespace", "envoy-gateway-system", "-o", "json");
    JsonNode list = Mappers.json().readTree(json.out());
    assertThat(list.path("kind").asText()).isEqualTo("List");
    assertThat(new ArrayList<JsonNode>(list.path("items").valueStream().toList())).isEqualTo(documents(yaml.out()));
  }

  @Test
  void render_aBadXdsAddress_isAUsageError() {
    CliRun run = CliRun.of("render", "-f", WALKTHROUGH.toString(), "--xds-address", "no-port");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--xds-address").contains("no-port");
  }

  private static JsonNode walkthroughOpaContainer() throws Exception {
    for (JsonNode doc : documents(Files.readString(WALKTHROUGH.resolve("10-opa.yaml")))) {
      if (doc.path("kind").asText().equals("EnvoyProxy")) {
        for (JsonNode c : doc.at("/spec/provider/kubernetes/envoyDeployment/patch/value/spec/template/spec/containers")) {
          if (c.path("name").asText().equals("opa")) {
            return c;
          }
        }
      }
    }
    throw new AssertionError("the walkthrough's EnvoyProxy has no opa container");
  }

  private static List<String> mountPaths(JsonNode container, String volume) {
    List<String> paths = new ArrayList<>();
    container.path("volumeMounts").forEach(m -> {
      if (m.path("name").asText().equals(volume)) {
        paths.add(m.path("mountPath").asText());
      }
    });
    return paths;
  }

  private static JsonNode volume(JsonNode pod, String name) {
    for (JsonNode v : pod.path("volumes")) {
      if (v.path("name").asText().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("no volume " + name);
  }

  static List<JsonNode> documents(String yaml) throws Exception {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = Mappers.yaml().readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode d = it.next();
        if (d != null && !d.isNull() && !d.isMissingNode()) {
          docs.add(d);
        }
      }
    }
    return docs;
  }
}

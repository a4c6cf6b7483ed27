package dev.tollgate.infra.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tollgate.testing.Golden;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OPA-sidecar example's EnvoyProxy patch (deploy/examples/opa-sidecar/10-opa.yaml) on a proxy
 * Deployment: the envoy container gains the socket mount, the opa container follows it, and the
 * volumes merge by name.
 */
class OpaSidecarPatchTest {
  static final YAMLMapper YAML = new YAMLMapper();

  static final String PROXY =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: envoy-default-eg, namespace: tollgate-system}
      spec:
        template:
          spec:
            containers:
            - name: envoy
              image: envoyproxy/envoy:distroless-v1.36.2
              args: [--config-path, /config/bootstrap.yaml]
              volumeMounts:
              - {name: bootstrap, mountPath: /config, readOnly: true}
            volumes:
            - name: bootstrap
              configMap: {name: envoy-default-eg}
      """;

  @Test
  void examplesEnvoyDeploymentPatch_addsTheOpaContainer_mergesEnvoysMountsAndTheVolumes() throws Exception {
    JsonNode patch = envoyDeploymentPatch();
    assertThat(patch.path("type").asText()).isEqualTo("StrategicMerge");
    JsonNode target = YAML.readTree(PROXY);

    JsonNode result = ObjectPatches.apply(patch.path("type").asText(), target, patch.get("value"));

    JsonNode pod = result.at("/spec/template/spec");
    JsonNode envoy = pod.at("/containers/0");
    JsonNode opa = pod.at("/containers/1");
    assertThat(pod.get("containers")).hasSize(2);
    assertThat(envoy.path("name").asText()).isEqualTo("envoy");
    assertThat(envoy.path("image").asText()).isEqualTo("envoyproxy/envoy:distroless-v1.36.2");
    assertThat(envoy.get("args")).isEqualTo(YAML.readTree("[--config-path, /config/bootstrap.yaml]"));
    assertThat(envoy.get("volumeMounts"))
        .isEqualTo(
            YAML.readTree(
                "[{name: bootstrap, mountPath: /config, readOnly: true},"
                    + " {name: opa-unix-socket, mountPath: /shared/opa}]"));
    assertThat(opa).isEqualTo(patch.at("/value/spec/template/spec/containers/1"));
    assertThat(names(pod.get("volumes")))
        .containsExactly("bootstrap", "opa-unix-socket", "opa-policy");
    assertThat(pod.at("/volumes/0/configMap/name").asText()).isEqualTo("envoy-default-eg");
    assertThat(pod.at("/volumes/2/configMap/name").asText()).isEqualTo("opa-policy");
    assertThat(result.get("metadata")).isEqualTo(target.get("metadata"));
  }

  /** The {@code envoyDeployment.patch} of the example's EnvoyProxy. */
  private static JsonNode envoyDeploymentPatch() throws Exception {
    Path file =
        Golden.testdata()
            .resolveSibling("deploy")
            .resolve("examples")
            .resolve("opa-sidecar")
            .resolve("10-opa.yaml");
    try (var parser = new YAMLFactory().createParser(file.toFile())) {
      Iterator<ObjectNode> documents = YAML.readValues(parser, ObjectNode.class);
      while (documents.hasNext()) {
        ObjectNode document = documents.next();
        if ("EnvoyProxy".equals(document.path("kind").asText())) {
          return document.at("/spec/provider/kubernetes/envoyDeployment/patch");
        }
      }
    }
    throw new AssertionError("no EnvoyProxy in " + file);
  }

  private static List<String> names(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(e -> out.add(e.path("name").asText()));
    return out;
  }
}

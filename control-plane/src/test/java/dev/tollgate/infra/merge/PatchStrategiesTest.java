package dev.tollgate.infra.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each keyed list of the strategy table merges by the key Kubernetes' Go types tag it with: a patch
 * element with a target element's key changes that element in its place, one with a new key is
 * appended, and the target's other elements stay.
 */
class PatchStrategiesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @ParameterizedTest(name = "{0} {1} merges by {2}")
  @CsvSource({
    "Deployment, spec.template.spec.containers, name",
    "Deployment, spec.template.spec.initContainers, name",
    "Deployment, spec.template.spec.ephemeralContainers, name",
    "DaemonSet, spec.template.spec.volumes, name",
    "DaemonSet, spec.template.spec.imagePullSecrets, name",
    "DaemonSet, spec.template.spec.hostAliases, ip",
    "Deployment, spec.template.spec.topologySpreadConstraints, topologyKey",
    "Deployment, spec.template.spec.resourceClaims, name",
    "Deployment, spec.template.spec.schedulingGates, name",
    "Deployment, spec.template.spec.containers.env, name",
    "Deployment, spec.template.spec.initContainers.ports, containerPort",
    "DaemonSet, spec.template.spec.containers.volumeMounts, mountPath",
    "DaemonSet, spec.template.spec.ephemeralContainers.volumeDevices, devicePath",
    "Deployment, spec.template.metadata.ownerReferences, uid",
    "Service, spec.ports, port",
    "Service, metadata.ownerReferences, uid",
    "HorizontalPodAutoscaler, metadata.ownerReferences, uid",
    "PodDisruptionBudget, metadata.ownerReferences, uid",
  })
  void keyedList_mergesByItsKey(String kind, String path, String key) throws Exception {
    ObjectNode target = NODES.objectNode().put("kind", kind);
    ObjectNode patch = NODES.objectNode();
    fill(target, path, key, "untouched", "old");
    fill(target, path, key, "kept", "old");
    fill(patch, path, key, "kept", "new");
    listAt(patch, path).addObject().put(key, "added").put("marker", "new");

    JsonNode result = ObjectPatches.apply("StrategicMerge", target, patch);

    JsonNode list = listAt((ObjectNode) result, path);
    assertThat(list).hasSize(3);
    assertThat(list.get(0).path(key).asText()).isEqualTo("untouched");
    assertThat(list.get(0).path("marker").asText()).isEqualTo("old");
    assertThat(list.get(1).path(key).asText()).isEqualTo("kept");
    assertThat(list.get(1).path("marker").asText()).isEqualTo("new");
    assertThat(list.get(2).path(key).asText()).isEqualTo("added");
  }

  /** Adds the element {@code {key: value, marker: marker}} to the list at {@code path}. */
  private static void fill(ObjectNode root, String path, String key, String value, String marker) {
    listAt(root, path).addObject().put(key, value).put("marker", marker);
  }

  /** The list at a dotted path, creating it; a field inside a list goes in its first element. */
  private static com.fasterxml.jackson.databind.node.ArrayNode listAt(ObjectNode root, String path) {
    String[] names = path.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < names.length - 1; i++) {
      String name = names[i];
      if (name.endsWith("ontainers")) {
        var list = node.withArray(name);
        if (list.isEmpty()) {
          list.addObject().put("name", "main");
        }
        node = (ObjectNode) list.get(0);
      } else {
        node = node.withObject(name);
      }
    }
    return node.withArray(names[names.length - 1]);
  }
}

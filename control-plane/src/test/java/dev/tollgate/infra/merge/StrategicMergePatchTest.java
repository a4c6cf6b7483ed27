package dev.tollgate.infra.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Strategic merge patches as Kubernetes' "Update API Objects in Place Using kubectl patch" task
 * shows them (a container added by name, tolerations replaced, {@code $retainKeys},
 * {@code $patch: replace}), and the directives and field strategies EnvoyProxy patches use.
 */
class StrategicMergePatchTest {
  static final YAMLMapper YAML = new YAMLMapper();

  static JsonNode yaml(String text) throws Exception {
    return YAML.readTree(text);
  }

  static JsonNode patch(JsonNode target, String patch) throws Exception {
    return ObjectPatches.apply("StrategicMerge", target, yaml(patch));
  }

  static List<String> names(JsonNode list, String field) {
    List<String> out = new ArrayList<>();
    list.forEach(e -> out.add(e.path(field).asText()));
    return out;
  }

  static final String SHOP =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: shop
        labels: {app: shop, tier: web}
      spec:
        replicas: 2
        strategy:
          type: RollingUpdate
          rollingUpdate: {maxSurge: 25%}
        template:
          spec:
            containers:
            - name: storefront
              image: httpd:2.4
              env:
              - {name: MODE, value: live}
              - {name: REGION, value: north}
            - name: metrics
              image: exporter:1
            tolerations:
            - {key: pool, value: shared, effect: NoSchedule}
      """;

  @Test
  void containerNotInTheTarget_isAppended_besideTheOthers() throws Exception {
    JsonNode result =
        patch(
            yaml(SHOP),
            """
            spec:
              template:
                spec:
                  containers:
                  - name: cache
                    image: memcached:1.6
            """);

    JsonNode containers = result.at("/spec/template/spec/containers");
    assertThat(names(containers, "name")).containsExactly("storefront", "metrics", "cache");
    assertThat(containers.get(0).path("image").asText()).isEqualTo("httpd:2.4");
    assertThat(containers.get(2).path("image").asText()).isEqualTo("memcached:1.6");
  }

  @Test
  void tolerations_haveNoMergeKey_areReplacedWhole() throws Exception {
    JsonNode result =
        patch(
            yaml(SHOP),
            """
            spec:
              template:
                spec:
                  tolerations:
                  - {key: pool, value: batch, effect: NoExecute}
            """);

    assertThat(result.at("/spec/template/spec/tolerations"))
        .isEqualTo(yaml("[{key: pool, value: batch, effect: NoExecute}]"));
  }

  @Test
  void strategyWithoutRetainKeys_keepsItsRollingUpdate() throws Exception {
    JsonNode result = patch(yaml(SHOP), "spec: {strategy: {type: Recreate}}");

    assertThat(result.at("/spec/strategy"))
        .isEqualTo(yaml("{type: Recreate, rollingUpdate: {maxSurge: 25%}}"));
  }

  @Test
  void retainKeys_clearsTheFieldsItDoesNotList() throws Exception {
    JsonNode result =
        patch(yaml(SHOP), "spec: {strategy: {$retainKeys: [type], type: Recreate}}");

    assertThat(result.at("/spec/strategy")).isEqualTo(yaml("{type: Recreate}"));
    assertThat(result.at("/spec/replicas").asInt()).isEqualTo(2);
  }

  @Test
  void retainKeysLackingAFieldThePatchSets_isRejected() throws Exception {
    assertThatThrownBy(
            () ->
                patch(
                    yaml(SHOP),
                    "spec: {strategy: {$retainKeys: [type], type: Recreate, rollingUpdate: {}}}"))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.path()).isEqualTo("spec.strategy.$retainKeys");
              assertThat(e.getMessage()).contains("lacks rollingUpdate");
            });
  }

  @Test
  void replaceElementInAList_leavesOnlyThePatchsOtherElements() throws Exception {
    JsonNode result =
        patch(
            yaml(SHOP),
            """
            spec:
              template:
                spec:
                  containers:
                  - name: storefront
                    image: httpd:2.6
                  - $patch: replace
            """);

    assertThat(result.at("/spec/template/spec/containers"))
        .isEqualTo(yaml("[{name: storefront, image: 'httpd:2.6'}]"));
  }

  @Test
  void replaceOnAnObject_dropsTheFieldsThePatchLacks() throws Exception {
    JsonNode result = patch(yaml(SHOP), "metadata: {labels: {$patch: replace, app: shop}}");

    assertThat(result.at("/metadata/labels")).isEqualTo(yaml("{app: shop}"));
    assertThat(result.at("/metadata/name").asText()).isEqualTo("shop");
  }

  @Test
  void deleteOnAnObject_emptiesIt() throws Exception {
    JsonNode result = patch(yaml(SHOP), "metadata: {labels: {$patch: delete}}");

    assertThat(result.at("/metadata/labels")).isEqualTo(yaml("{}"));
  }

  @Test
  void explicitMerge_mergesAsTheDefaultDoes() throws Exception {
    JsonNode result = patch(yaml(SHOP), "metadata: {labels: {$patch: merge, zone: b}}");

    assertThat(result.at("/metadata/labels")).isEqualTo(yaml("{app: shop, tier: web, zone: b}"));
  }

  @Test
  void deleteElement_removesTheContainerWithThatName() throws Exception {
    JsonNode result =
        patch(
            yaml(SHOP),
            "spec: {template: {spec: {containers: [{name: metrics, $patch: delete}]}}}");

    assertThat(names(result.at("/spec/template/spec/containers"), "name"))
        .containsExactly("storefront");
  }

  @Test
  void env_mergesByName_inTheTargetsOrder_newOnesAfter() throws Exception {
    JsonNode result =
        patch(
            yaml(SHOP),
            """
            spec:
              template:
                spec:
                  containers:
                  - name: storefront
                    env:
                    - {name: DEBUG, value: "1"}
                    - {name: REGION, value: south}
            """);

    assertThat(result.at("/spec/template/spec/containers/0/env"))
        .isEqualTo(
            yaml(
                "[{name: MODE, value: live}, {name: REGION, value: south},"
                    + " {name: DEBUG, value: '1'}]"));
  }

  @Test
  void nullValue_deletesTheField() throws Exception {
    JsonNode result = patch(yaml(SHOP), "metadata: {labels: {tier: null}}");

    assertThat(result.at("/metadata/labels")).isEqualTo(yaml("{app: shop}"));
  }

  @Test
  void containerPorts_mergeByNumber_whateverItsJsonType() throws Exception {
    JsonNode target =
        yaml(
            """
            kind: DaemonSet
            spec: {template: {spec: {containers: [{name: envoy, ports: [{containerPort: 10080}]}]}}}
            """);
    // A JSON long and a YAML int are the same key.
    JsonNode value =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"envoy\",\"ports\":"
                    + "[{\"containerPort\":10080.0,\"name\":\"http\"},{\"containerPort\":19001}]}]}}}}");

    JsonNode result = ObjectPatches.apply(null, target, value);

    JsonNode ports = result.at("/spec/template/spec/containers/0/ports");
    assertThat(ports).hasSize(2);
    assertThat(ports.get(0).path("name").asText()).isEqualTo("http");
  }

  @Test
  void servicePorts_mergeByPort() throws Exception {
    JsonNode target =
        yaml(
            """
            kind: Service
            spec: {type: LoadBalancer, ports: [{port: 80, targetPort: 10080}, {port: 443, targetPort: 10443}]}
            """);

    JsonNode result =
        patch(target, "spec: {type: NodePort, ports: [{port: 443, nodePort: 30443}]}");

    assertThat(result.at("/spec"))
        .isEqualTo(
            yaml(
                "{type: NodePort, ports: [{port: 80, targetPort: 10080},"
                    + " {port: 443, targetPort: 10443, nodePort: 30443}]}"));
  }

  @Test
  void autoscalerMetrics_areReplacedWhole() throws Exception {
    JsonNode target =
        yaml(
            """
            kind: HorizontalPodAutoscaler
            spec:
              maxReplicas: 5
              metrics:
              - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}}
            """);

    JsonNode result =
        patch(
            target,
            """
            spec:
              metrics:
              - {type: Resource, resource: {name: memory, target: {type: Utilization, averageUtilization: 70}}}
            """);

    assertThat(result.at("/spec/metrics")).hasSize(1);
    assertThat(result.at("/spec/metrics/0/resource/name").asText()).isEqualTo("memory");
    assertThat(result.at("/spec/maxReplicas").asInt()).isEqualTo(5);
  }

  @Test
  void finalizers_mergeAsASet_andDeleteFromPrimitiveListRemovesSome() throws Exception {
    JsonNode target = yaml("{kind: PodDisruptionBudget, metadata: {finalizers: [a, b]}}");

    assertThat(patch(target, "metadata: {finalizers: [b, c]}").at("/metadata/finalizers"))
        .isEqualTo(yaml("[a, b, c]"));
    assertThat(
            patch(target, "metadata: {$deleteFromPrimitiveList/finalizers: [a]}")
                .at("/metadata/finalizers"))
        .isEqualTo(yaml("[b]"));
  }

  @Test
  void setElementOrder_isAcceptedAndIgnored_leavingNoTrace() throws Exception {
    JsonNode result =
        patch(
            yaml(SHOP),
            """
            spec:
              template:
                spec:
                  $setElementOrder/containers: [{name: metrics}, {name: storefront}]
                  containers: [{name: metrics, image: "exporter:2"}]
            """);

    assertThat(names(result.at("/spec/template/spec/containers"), "name"))
        .containsExactly("storefront", "metrics");
    assertThat(result.at("/spec/template/spec").has("$setElementOrder/containers")).isFalse();
  }

  @Test
  void newFields_areCleanedOfNullsAndDirectives() throws Exception {
    JsonNode result =
        patch(
            yaml(SHOP),
            """
            spec:
              template:
                spec:
                  nodeSelector: {$patch: replace, zone: a, rack: null}
                  initContainers:
                  - {name: setup, image: "busybox:1", $patch: merge}
            """);

    assertThat(result.at("/spec/template/spec/nodeSelector")).isEqualTo(yaml("{zone: a}"));
    assertThat(result.at("/spec/template/spec/initContainers"))
        .isEqualTo(yaml("[{name: setup, image: 'busybox:1'}]"));
  }

  @Test
  void elementWithoutItsMergeKey_isRejected_atItsPath() throws Exception {
    assertThatThrownBy(
            () ->
                patch(
                    yaml(SHOP),
                    """
                    spec:
                      template:
                        spec:
                          containers:
                          - name: opa
                            ports: [{name: http}]
                    """))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.path()).isEqualTo("spec.template.spec.containers[name=opa].ports[0]");
              assertThat(e.getMessage())
                  .isEqualTo("a list merged by containerPort needs each element to have containerPort");
            });
    assertThatThrownBy(
            () -> patch(yaml(SHOP), "spec: {template: {spec: {containers: [{image: x}]}}}"))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.path()).isEqualTo("spec.template.spec.containers[0]");
              assertThat(e.getMessage())
                  .isEqualTo("a list merged by name needs each element to have name");
            });
  }

  @Test
  void unknownDirectiveOrPatchValue_isRejected_atItsPath() throws Exception {
    assertThatThrownBy(() -> patch(yaml(SHOP), "metadata: {labels: {$patch: remove}}"))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.path()).isEqualTo("metadata.labels");
              assertThat(e.getMessage())
                  .isEqualTo("$patch must be replace, merge or delete, not remove");
            });
    assertThatThrownBy(
            () ->
                patch(
                    yaml(SHOP),
                    "spec: {template: {spec: {containers: [{name: metrics, $patch: drop}]}}}"))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> assertThat(e.path()).isEqualTo("spec.template.spec.containers[0]"));
    assertThatThrownBy(() -> patch(yaml(SHOP), "spec: {$order: [a]}"))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.path()).isEqualTo("spec.$order");
              assertThat(e.getMessage()).isEqualTo("unknown directive $order");
            });
  }

  @Test
  void deleteInAListReplacedWhole_isRejected() throws Exception {
    assertThatThrownBy(
            () ->
                patch(
                    yaml(SHOP),
                    "spec: {template: {spec: {tolerations: [{key: pool, $patch: delete}]}}}"))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> assertThat(e.path()).isEqualTo("spec.template.spec.tolerations[0]"));
  }

  @Test
  void nonObjectPatchOrUnknownType_isRejected() throws Exception {
    assertThatThrownBy(() -> ObjectPatches.apply("StrategicMerge", yaml(SHOP), yaml("[1]")))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.path()).isEmpty();
              assertThat(e.getMessage()).isEqualTo("a strategic merge patch is an object, not a list");
            });
    assertThatThrownBy(() -> ObjectPatches.apply("JSONPatch", yaml(SHOP), yaml("{}")))
        .isInstanceOf(PatchException.class)
        .hasMessage("unknown patch type JSONPatch; StrategicMerge or JSONMerge");
  }

  @Test
  void noType_meansStrategicMerge() throws Exception {
    String value = "spec: {template: {spec: {containers: [{name: cache, image: 'memcached:1.6'}]}}}";

    assertThat(ObjectPatches.apply(null, yaml(SHOP), yaml(value)))
        .isEqualTo(patch(yaml(SHOP), value));
    assertThat(ObjectPatches.apply("JSONMerge", yaml(SHOP), yaml(value)).at("/spec/template/spec/containers"))
        .hasSize(1);
  }

  @Test
  void eitherType_changesNeitherInput_norSharesNodesWithTheResult() throws Exception {
    for (String type : new String[] {"StrategicMerge", "JSONMerge"}) {
      JsonNode target = yaml(SHOP);
      JsonNode value =
          yaml(
              """
              metadata: {labels: {tier: null, zone: a}}
              spec:
                strategy: {$retainKeys: [type], type: Recreate}
                template:
                  spec:
                    containers:
                    - {name: storefront, env: [{name: MODE, value: test}]}
                    - {name: metrics, $patch: delete}
                    - {name: cache, image: "memcached:1.6", ports: [{containerPort: 11211}]}
              """);
      JsonNode targetBefore = target.deepCopy();
      JsonNode valueBefore = value.deepCopy();

      JsonNode result = ObjectPatches.apply(type, target, value);
      scribble(result);

      assertThat(target).as(type).isEqualTo(targetBefore);
      assertThat(value).as(type).isEqualTo(valueBefore);
    }
  }

  /** Changes every object in the tree, to show none of them belongs to an input. */
  private static void scribble(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      object.elements().forEachRemaining(StrategicMergePatchTest::scribble);
      object.put("scribbled", true);
    } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
      array.elements().forEachRemaining(StrategicMergePatchTest::scribble);
      array.add("scribbled");
    }
  }
}

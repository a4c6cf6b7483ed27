package dev.tollgate.infra.merge;

import java.util.Map;

/**
 * The strategic-merge strategies of the fields in the kinds Envoy Gateway patches, taken from the
 * {@code patchStrategy}/{@code patchMergeKey} tags of Kubernetes' Go types (k8s.io/api core/v1,
 * apps/v1, autoscaling/v2, policy/v1 and meta/v1 ObjectMeta). A field not listed is plain: an object
 * merges field by field, a list is replaced whole (HorizontalPodAutoscaler {@code spec.metrics},
 * PodSpec {@code tolerations} and container {@code args} are such lists).
 *
 * <p>{@code volumes}, {@code resourceClaims} and Deployment {@code spec.strategy} also carry
 * {@code retainKeys} in Kubernetes; that strategy only matters through the {@code $retainKeys}
 * directive, which Kubernetes honours wherever a patch carries it, so it needs no entry here.
 */
final class PatchStrategies {
  /** A type's fields that patch differently from plain ones. */
  record Schema(Map<String, Field> fields) {
    Field field(String name) {
      return fields.getOrDefault(name, PLAIN);
    }
  }

  /**
   * How one field patches: {@code mergesList} lists merge (by {@code mergeKey} for lists of objects,
   * as a set when the key is null), other lists are replaced; {@code type} is the schema of the
   * field's object value, or of its list's elements.
   */
  record Field(boolean mergesList, String mergeKey, Schema type) {}

  static final Schema EMPTY = new Schema(Map.of());
  static final Field PLAIN = new Field(false, null, EMPTY);

  static final Schema OBJECT_META =
      new Schema(
          Map.of(
              "ownerReferences", byKey("uid", EMPTY),
              "finalizers", new Field(true, null, EMPTY)));

  // Container and EphemeralContainer share these.
  static final Schema CONTAINER =
      new Schema(
          Map.of(
              "env", byKey("name", EMPTY),
              "ports", byKey("containerPort", EMPTY),
              "volumeMounts", byKey("mountPath", EMPTY),
              "volumeDevices", byKey("devicePath", EMPTY)));

  static final Schema POD_SPEC =
      new Schema(
          Map.of(
              "containers", byKey("name", CONTAINER),
              "initContainers", byKey("name", CONTAINER),
              "ephemeralContainers", byKey("name", CONTAINER),
              "volumes", byKey("name", EMPTY),
              "imagePullSecrets", byKey("name", EMPTY),
              "hostAliases", byKey("ip", EMPTY),
              "topologySpreadConstraints", byKey("topologyKey", EMPTY),
              "resourceClaims", byKey("name", EMPTY),
              "schedulingGates", byKey("name", EMPTY)));

  static final Schema POD_TEMPLATE =
      new Schema(Map.of("metadata", object(OBJECT_META), "spec", object(POD_SPEC)));

  /** Deployment and DaemonSet: their pod template. */
  static final Schema WORKLOAD =
      objectWithSpec(new Schema(Map.of("template", object(POD_TEMPLATE))));

  static final Schema SERVICE =
      objectWithSpec(new Schema(Map.of("ports", byKey("port", EMPTY))));

  /** HorizontalPodAutoscaler, PodDisruptionBudget and anything else: only their metadata. */
  static final Schema OBJECT = new Schema(Map.of("metadata", object(OBJECT_META)));

  private PatchStrategies() {}

  /** The schema of an object of this {@code kind}. */
  static Schema forKind(String kind) {
    return switch (kind) {
      case "Deployment", "DaemonSet" -> WORKLOAD;
      case "Service" -> SERVICE;
      default -> OBJECT;
    };
  }

  private static Field byKey(String key, Schema element) {
    return new Field(true, key, element);
  }

  private static Field object(Schema type) {
    return new Field(false, null, type);
  }

  private static Schema objectWithSpec(Schema spec) {
    return new Schema(Map.of("metadata", object(OBJECT_META), "spec", object(spec)));
  }
}

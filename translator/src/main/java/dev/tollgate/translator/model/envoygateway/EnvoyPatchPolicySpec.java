package dev.tollgate.translator.model.envoygateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The spec of an EnvoyPatchPolicy ({@code gateway.envoyproxy.io/v1alpha1}): JSON patches to one Gateway's xDS. */
public record EnvoyPatchPolicySpec(String type, TargetRef targetRef, Integer priority, List<JsonPatch> jsonPatches) {

  public EnvoyPatchPolicySpec {
    jsonPatches = jsonPatches == null ? List.of() : jsonPatches;
  }

  public record TargetRef(String group, String kind, String name) {}

  /** One patch: the resource (by type URL and name) and an RFC 6902 operation on it. */
  public record JsonPatch(String type, String name, Operation operation) {}

  /**
   * An RFC 6902 operation. With {@code jsonPath}, {@code path} is relative to each node the query
   * selects.
   */
  public record Operation(String op, String path, String from, JsonNode value, String jsonPath) {}
}

package dev.tollgate.translator.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.fge.jsonpatch.JsonPatchException;
import com.github.fge.jsonpatch.mergepatch.JsonMergePatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A route's SecurityPolicy with {@code mergeType} merged onto the closest wider policy (its
 * listener's, else its Gateway's): {@code JSONMerge} is RFC 7386 (objects merge, {@code null}
 * removes, lists are replaced); {@code StrategicMerge} is the same except that lists whose
 * entries all have a {@code name} (JWT providers, authorization rules) merge entry by entry, the
 * route's entries replacing the wider policy's of the same name and the others appended.
 * The strategic variant is written here because Kubernetes' strategic merge needs Go type
 * metadata no Java library has for these kinds.
 */
final class PolicyMerge {

  static final String JSON_MERGE = "JSONMerge";
  static final String STRATEGIC_MERGE = "StrategicMerge";
  /** Fields that say where a policy applies, not what it does: never merged. */
  private static final List<String> TARGETING = List.of("targetRef", "targetRefs", "targetSelectors", "mergeType");

  private PolicyMerge() {}

  static JsonNode merge(String type, JsonNode wider, JsonNode route) {
    ObjectNode base = withoutTargeting(wider);
    ObjectNode patch = withoutTargeting(route);
    if (type.equals(JSON_MERGE)) {
      try {
        return JsonMergePatch.fromJson(patch).apply(base).deepCopy();
      } catch (JsonPatchException e) {
        throw new IllegalStateException("a merge patch of two objects cannot fail", e);
      }
    }
    return strategic(base, patch);
  }

  private static ObjectNode withoutTargeting(JsonNode spec) {
    ObjectNode copy = spec instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
    TARGETING.forEach(copy::remove);
    return copy;
  }

  private static JsonNode strategic(JsonNode base, JsonNode patch) {
    if (patch.isObject() && base != null && base.isObject()) {
      ObjectNode out = ((ObjectNode) base).deepCopy();
      patch.fields().forEachRemaining(e -> {
        if (e.getValue().isNull()) {
          out.remove(e.getKey());
        } else {
          out.set(e.getKey(), strategic(out.get(e.getKey()), e.getValue()));
        }
      });
      return out;
    }
    if (patch.isArray() && base != null && base.isArray() && named(base) && named(patch)) {
      Map<String, JsonNode> byName = new LinkedHashMap<>();
      base.forEach(entry -> byName.put(entry.get("name").asText(), entry));
      patch.forEach(entry -> byName.merge(entry.get("name").asText(), entry, PolicyMerge::strategic));
      ArrayNode out = ((ArrayNode) base).arrayNode();
      new ArrayList<>(byName.values()).forEach(out::add);
      return out;
    }
    return patch.deepCopy();
  }

  private static boolean named(JsonNode list) {
    for (JsonNode entry : list) {
      if (!entry.isObject() || !entry.path("name").isTextual()) {
        return false;
      }
    }
    return true;
  }
}

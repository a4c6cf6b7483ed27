package dev.tollgate.review.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether an object's status got worse: a condition that should be True (Accepted, Programmed,
 * ResolvedRefs, Ready) is no longer, or one that should not (Conflicted, PartiallyInvalid)
 * became True; a new object counts when it arrives with one of those.
 */
final class StatusRegressions {

  private StatusRegressions() {}

  private static final Set<String> GOOD_WHEN_TRUE = Set.of("Accepted", "Programmed", "ResolvedRefs", "Ready");
  private static final Set<String> BAD_WHEN_TRUE = Set.of("Conflicted", "PartiallyInvalid");

  static boolean regressed(JsonNode before, JsonNode after) {
    if (after == null) {
      return false; // the object is gone: its routes' removal is reported on its own
    }
    Map<String, String> was = before == null ? Map.of() : conditions(before, "");
    Map<String, String> now = conditions(after, "");
    for (Map.Entry<String, String> e : now.entrySet()) {
      String type = e.getKey().substring(e.getKey().lastIndexOf('|') + 1);
      boolean bad = GOOD_WHEN_TRUE.contains(type) && !e.getValue().equals("True")
          || BAD_WHEN_TRUE.contains(type) && e.getValue().equals("True");
      String old = was.get(e.getKey());
      boolean wasBad = old != null && (GOOD_WHEN_TRUE.contains(type) && !old.equals("True")
          || BAD_WHEN_TRUE.contains(type) && old.equals("True"));
      if (bad && !wasBad) {
        return true;
      }
    }
    return false;
  }

  /** Every condition's status by where it is (the path of keys and references above it) and type. */
  private static Map<String, String> conditions(JsonNode node, String at) {
    Map<String, String> out = new HashMap<>();
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> {
        if (f.getKey().equals("conditions") && f.getValue().isArray()) {
          f.getValue().forEach(c -> out.put(at + "|" + c.path("type").asText(), c.path("status").asText()));
        } else {
          out.putAll(conditions(f.getValue(), at + "/" + f.getKey()));
        }
      });
    } else if (node.isArray()) {
      for (JsonNode e : node) {
        String key = e.has("parentRef") ? e.get("parentRef").toString() : e.has("ancestorRef") ? e.get("ancestorRef").toString()
            : e.has("name") ? e.get("name").asText() : String.valueOf(out.size());
        out.putAll(conditions(e, at + "[" + key + "]"));
      }
    }
    return out;
  }

  static void dropTimes(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.remove("lastTransitionTime");
      o.remove("observedGeneration");
      o.elements().forEachRemaining(StatusRegressions::dropTimes);
    } else if (node != null && node.isArray()) {
      node.forEach(StatusRegressions::dropTimes);
    }
  }
}

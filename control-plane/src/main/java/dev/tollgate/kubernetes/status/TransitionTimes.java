package dev.tollgate.kubernetes.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A condition's {@code lastTransitionTime} says when its status last changed, so the time the
 * translator writes (a fixed placeholder) is replaced: by the live condition's time while the
 * status is the same, by now when it flips or the condition is new.
 */
final class TransitionTimes {
  private TransitionTimes() {}

  static final String FIELD = "lastTransitionTime";

  /** Sets the time of each condition in {@code ours} (an array of conditions, changed in place). */
  static void keep(JsonNode ours, JsonNode live, String now) {
    if (ours == null || !ours.isArray()) {
      return;
    }
    for (JsonNode c : ours) {
      JsonNode before = find(live, c.path("type").asText());
      boolean same = before != null && before.path("status").equals(c.path("status")) && before.hasNonNull(FIELD);
      ((ObjectNode) c).put(FIELD, same ? before.get(FIELD).asText() : now);
    }
  }

  private static JsonNode find(JsonNode conditions, String type) {
    if (conditions == null || !conditions.isArray()) {
      return null;
    }
    for (JsonNode c : conditions) {
      if (type.equals(c.path("type").asText())) {
        return c;
      }
    }
    return null;
  }
}

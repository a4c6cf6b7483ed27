package dev.tollgate.translator.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.status.ObjectStatus;

/** Reads conditions out of any status shape (class, gateway, listener, route parent, policy ancestor). */
final class StatusInspection {
  private StatusInspection() {}

  /** Whether an Accepted, ResolvedRefs or Programmed condition anywhere in the status is False. */
  static boolean hasFalseCondition(ObjectStatus status) {
    return hasFalse(Mappers.json().valueToTree(status.status()));
  }

  private static boolean hasFalse(JsonNode node) {
    if (node.isObject()) {
      String type = node.path("type").asText("");
      if (node.has("status") && node.has("reason") && "False".equals(node.path("status").asText())
          && (type.equals("Accepted") || type.equals("ResolvedRefs") || type.equals("Programmed"))) {
        return true;
      }
      for (JsonNode child : node) {
        if (hasFalse(child)) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        if (hasFalse(child)) {
          return true;
        }
      }
    }
    return false;
  }
}

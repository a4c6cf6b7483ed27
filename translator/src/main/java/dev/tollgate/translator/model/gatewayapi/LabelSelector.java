package dev.tollgate.translator.model.gatewayapi;

import java.util.List;
import java.util.Map;

/** Kubernetes' label selector: all matchLabels and all matchExpressions must hold. */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

  public LabelSelector {
    matchLabels = matchLabels == null ? Map.of() : matchLabels;
    matchExpressions = matchExpressions == null ? List.of() : matchExpressions;
  }

  public record Requirement(String key, String operator, List<String> values) {
    public Requirement {
      values = values == null ? List.of() : values;
    }
  }

  /**
   * Whether the labels satisfy the selector. An unknown operator never matches, nor does a
   * requirement or label value that is missing (possible only in a policy read leniently).
   */
  public boolean matches(Map<String, String> labels) {
    for (var e : matchLabels.entrySet()) {
      if (e.getValue() == null || !e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (Requirement r : matchExpressions) {
      if (r == null || r.key() == null) {
        return false;
      }
      String value = labels.get(r.key());
      boolean ok =
          switch (r.operator() == null ? "" : r.operator()) {
            case "In" -> value != null && r.values().contains(value);
            case "NotIn" -> value == null || !r.values().contains(value);
            case "Exists" -> labels.containsKey(r.key());
            case "DoesNotExist" -> !labels.containsKey(r.key());
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}

package dev.tollgate.translator.status;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A Kubernetes {@code metav1.Condition}, fields in the order the API server writes them. */
@JsonPropertyOrder({"type", "status", "observedGeneration", "lastTransitionTime", "reason", "message"})
public record Condition(
    String type, String status, Long observedGeneration, String lastTransitionTime, String reason, String message) {

  public boolean isTrue() {
    return "True".equals(status);
  }
}

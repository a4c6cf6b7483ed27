package dev.tollgate.translator.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.translator.model.gatewayapi.GroupKind;
import java.util.List;

/** Gateway status with per-listener status. */
@JsonPropertyOrder({"addresses", "conditions", "listeners"})
public record GatewayStatus(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Address> addresses,
    List<Condition> conditions,
    List<Listener> listeners) {

  public record Address(String type, String value) {}

  /** A copy with one condition replaced, keeping its generation and transition time. */
  public GatewayStatus withCondition(String type, boolean status, String reason, String message) {
    List<Condition> updated = new java.util.ArrayList<>();
    for (Condition c : conditions) {
      updated.add(c.type().equals(type)
          ? new Condition(type, status ? "True" : "False", c.observedGeneration(), c.lastTransitionTime(), reason, message)
          : c);
    }
    return new GatewayStatus(addresses, updated, listeners);
  }

  @JsonPropertyOrder({"name", "supportedKinds", "attachedRoutes", "conditions"})
  public record Listener(String name, List<GroupKind> supportedKinds, int attachedRoutes, List<Condition> conditions) {}
}

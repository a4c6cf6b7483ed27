package dev.tollgate.translator.status;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import java.util.List;

/**
 * Status of a policy (Gateway API's PolicyStatus): one entry per ancestor — the Gateway the
 * policy takes effect on, or the target it could not use.
 */
public record PolicyStatus(List<Ancestor> ancestors) {

  @JsonPropertyOrder({"ancestorRef", "controllerName", "conditions"})
  public record Ancestor(ParentReference ancestorRef, String controllerName, List<Condition> conditions) {}
}

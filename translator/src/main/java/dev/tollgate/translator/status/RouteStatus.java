package dev.tollgate.translator.status;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import java.util.List;

/** Status of an HTTPRoute or GRPCRoute: one entry per parent this controller handles. */
public record RouteStatus(List<Parent> parents) {

  @JsonPropertyOrder({"parentRef", "controllerName", "conditions"})
  public record Parent(ParentReference parentRef, String controllerName, List<Condition> conditions) {}
}

package dev.tollgate.translator.status;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import java.util.List;

/**
 * Status of an EnvoyProxy, as Envoy Gateway's CRD defines it: one entry per GatewayClass or
 * Gateway whose parametersRef names it. Unlike a policy's ancestors, an entry has no
 * controllerName: the CRD has no such field, and the API server would prune it.
 */
public record EnvoyProxyStatus(List<Ancestor> ancestors) {

  @JsonPropertyOrder({"ancestorRef", "conditions"})
  public record Ancestor(ParentReference ancestorRef, List<Condition> conditions) {}
}

package dev.tollgate.translator.model.envoygateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The spec of a SecurityPolicy ({@code gateway.envoyproxy.io/v1alpha1}), field for field as
 * Envoy Gateway defines it. Features Tollgate does not translate are kept as trees so that a
 * policy using one is rejected (and its routes closed) rather than silently weakened.
 */
public record SecurityPolicySpec(
    PolicyTargets.Reference targetRef,
    List<PolicyTargets.Reference> targetRefs,
    List<PolicyTargets.Selector> targetSelectors,
    JwtSpec jwt,
    ExtAuthSpec extAuth,
    BasicAuthSpec basicAuth,
    ApiKeyAuthSpec apiKeyAuth,
    JsonNode oidc,
    AuthorizationSpec authorization,
    CorsSpec cors,
    JsonNode csrf,
    String mergeType) {

  public SecurityPolicySpec {
    targetRefs = targetRefs == null ? List.of() : targetRefs;
    targetSelectors = targetSelectors == null ? List.of() : targetSelectors;
  }

  /** The deprecated single {@code targetRef} when set, else {@code targetRefs}, as Envoy Gateway reads them. */
  public List<PolicyTargets.Reference> references() {
    return targetRef != null ? List.of(targetRef) : targetRefs;
  }
}

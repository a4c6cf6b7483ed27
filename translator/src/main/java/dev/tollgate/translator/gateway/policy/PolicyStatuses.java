package dev.tollgate.translator.gateway.policy;

import static dev.tollgate.translator.status.ConditionTypes.ACCEPTED;
import static dev.tollgate.translator.status.ConditionTypes.OVERRIDDEN;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import dev.tollgate.translator.status.Conditions;
import dev.tollgate.translator.status.ObjectStatus;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The status of a policy that applies to routes, the most specific one alone (SecurityPolicy,
 * EnvoyExtensionPolicy): per ancestor, Accepted, or not (Invalid with the problem, Conflicted with
 * the policy holding the target), and Overridden where narrower policies apply instead.
 */
public final class PolicyStatuses {

  /** Which of two policies on one target wins: the older (creation time, then namespace and name). */
  public static final Comparator<EnvoyGatewayPolicy> OLDEST_FIRST =
      Comparator.comparing((EnvoyGatewayPolicy p) -> Objects.requireNonNullElse(p.metadata().creationTimestamp(), ""))
          .thenComparing(p -> p.metadata().namespace())
          .thenComparing(p -> p.metadata().name());

  private PolicyStatuses() {}

  /**
   * @param problem why the policy is invalid, or null
   * @param notice what the accepted policy leaves out, or empty
   * @param conflicts target id → the policy (namespace/name) holding it instead
   * @param overridden target id → routes (namespace/name) where a narrower policy applies
   */
  public static ObjectStatus of(EnvoyGatewayPolicy policy, TranslatorConfig config, PolicyTargetResolver targets,
      PolicyTargetResolver.Resolution resolution, String problem, String notice, Map<String, String> conflicts,
      Map<String, Set<String>> overridden) {
    PolicyAncestors ancestors = new PolicyAncestors(policy, config.controllerName(), config.transitionTime());
    String kind = policy.kind();
    for (PolicyTarget t : resolution.targets()) {
      for (ParentReference ancestor : targets.ancestors(t)) {
        Conditions c = ancestors.of(ancestor);
        String holder = conflicts.get(t.id());
        if (problem != null) {
          c.set(ACCEPTED, false, Reason.INVALID, problem + "; the routes it targets answer 500 until it is fixed");
        } else if (holder != null) {
          c.set(ACCEPTED, false, Reason.CONFLICTED, "Unable to target " + t + ": " + kind + " " + holder + " already does");
        } else {
          c.setIfAbsent(ACCEPTED, true, Reason.ACCEPTED, "Policy has been accepted" + (notice.isEmpty() ? "" : "; " + notice));
        }
        Set<String> routes = overridden.get(t.id());
        if (routes != null && holder == null) {
          c.set(OVERRIDDEN, true, Reason.OVERRIDDEN, "This policy is overridden by more specific " + plural(kind) + " on these routes: " + routes);
        }
      }
    }
    ancestors.unreached(resolution, Kinds.ENVOY_GATEWAY_GROUP, problem);
    return ancestors.status();
  }

  /** SecurityPolicies, EnvoyExtensionPolicies. */
  private static String plural(String kind) {
    return kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
  }
}

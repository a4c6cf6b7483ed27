package dev.tollgate.translator.gateway.policy;

import static dev.tollgate.translator.status.ConditionTypes.ACCEPTED;

import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import dev.tollgate.translator.status.Condition;
import dev.tollgate.translator.status.ConditionTypes;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import dev.tollgate.translator.status.Conditions;
import dev.tollgate.translator.status.ObjectStatus;
import dev.tollgate.translator.status.PolicyStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a policy's status: conditions per ancestor, at most 16 ancestors as the Gateway API
 * allows (the last one then says how many more there were).
 */
public final class PolicyAncestors {

  private static final int MAX_ANCESTORS = 16;

  private final KubernetesObject policy;
  private final String controllerName;
  private final String transitionTime;
  private final Map<ParentReference, Conditions> ancestors = new LinkedHashMap<>();

  public PolicyAncestors(KubernetesObject policy, String controllerName, String transitionTime) {
    this.policy = policy;
    this.controllerName = controllerName;
    this.transitionTime = transitionTime;
  }

  /** The conditions of one ancestor, created on first use. */
  public Conditions of(ParentReference ancestor) {
    return ancestors.computeIfAbsent(ancestor, a -> new Conditions(policy.metadata().generation(), transitionTime));
  }

  public boolean isEmpty() {
    return ancestors.isEmpty();
  }

  /** The policy itself as an ancestor: where a policy that reaches nothing reports why. */
  public ParentReference self(String group) {
    return new ParentReference(group, policy.kind(), policy.metadata().namespace(), policy.metadata().name(), null, null);
  }

  /**
   * Reports the targets the policy could not use (TargetNotFound): on each Gateway they can be
   * traced to, the rest on one entry for the policy itself, which also says so when the policy
   * reaches nothing at all.
   *
   * @param problem what else is wrong with the policy, added when it reaches nothing; or null
   */
  public void unreached(PolicyTargetResolver.Resolution resolution, String group, String problem) {
    List<String> untraced = new ArrayList<>();
    for (PolicyTargetResolver.Unresolved u : resolution.unresolved()) {
      if (u.ancestors().isEmpty()) {
        untraced.add(u.message());
      }
      u.ancestors().forEach(a -> of(a).set(ACCEPTED, false, Reason.TARGET_NOT_FOUND, u.message()));
    }
    boolean nothing = ancestors.isEmpty();
    if (!nothing && untraced.isEmpty()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    if (nothing) {
      parts.add("the policy targets no Gateway, HTTPRoute or GRPCRoute of Tollgate's" + resolution.nothingReached());
    }
    parts.addAll(untraced);
    if (nothing && problem != null) {
      parts.add("also: " + problem);
    }
    of(self(group)).set(ACCEPTED, false, Reason.TARGET_NOT_FOUND, String.join("; ", parts));
  }

  public ObjectStatus status() {
    List<PolicyStatus.Ancestor> out = new ArrayList<>();
    List<Map.Entry<ParentReference, Conditions>> entries = new ArrayList<>(ancestors.entrySet());
    for (int i = 0; i < Math.min(entries.size(), MAX_ANCESTORS); i++) {
      Conditions conditions = entries.get(i).getValue();
      if (i == MAX_ANCESTORS - 1 && entries.size() > MAX_ANCESTORS) {
        conditions.set(ConditionTypes.AGGREGATED, true, Reason.AGGREGATED,
            (entries.size() - MAX_ANCESTORS) + " more ancestors are not listed: a status holds at most " + MAX_ANCESTORS);
      }
      List<Condition> list = conditions.list();
      out.add(new PolicyStatus.Ancestor(entries.get(i).getKey(), controllerName, list));
    }
    return new ObjectStatus(policy.apiVersion(), policy.kind(), policy.metadata().namespace(), policy.metadata().name(),
        new PolicyStatus(out));
  }
}

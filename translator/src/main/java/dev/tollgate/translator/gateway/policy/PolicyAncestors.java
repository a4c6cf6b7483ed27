package dev.tollgate.translator.gateway.policy;

import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import dev.tollgate.translator.status.Condition;
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

  public static final String AGGREGATED = "Aggregated";
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

  public ObjectStatus status() {
    List<PolicyStatus.Ancestor> out = new ArrayList<>();
    List<Map.Entry<ParentReference, Conditions>> entries = new ArrayList<>(ancestors.entrySet());
    for (int i = 0; i < Math.min(entries.size(), MAX_ANCESTORS); i++) {
      Conditions conditions = entries.get(i).getValue();
      if (i == MAX_ANCESTORS - 1 && entries.size() > MAX_ANCESTORS) {
        conditions.set(AGGREGATED, true, AGGREGATED,
            (entries.size() - MAX_ANCESTORS) + " more ancestors are not listed: a status holds at most " + MAX_ANCESTORS);
      }
      List<Condition> list = conditions.list();
      out.add(new PolicyStatus.Ancestor(entries.get(i).getKey(), controllerName, list));
    }
    return new ObjectStatus(policy.apiVersion(), policy.kind(), policy.metadata().namespace(), policy.metadata().name(),
        new PolicyStatus(out));
  }
}

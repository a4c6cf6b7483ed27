package dev.tollgate.translator.gateway.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.json.Binder;
import dev.tollgate.translator.model.envoygateway.PolicyTargets;
import java.util.ArrayList;
import java.util.List;

/**
 * The targets a policy's spec names ({@code targetRef}, {@code targetRefs}, {@code targetSelectors}),
 * read one by one and leniently, so that a policy that is otherwise unreadable still closes every
 * target it names that can be read.
 *
 * @param unreadable how many entries could not be read at all
 */
public record PolicyTargetFields(List<PolicyTargets.Reference> references, List<PolicyTargets.Selector> selectors,
    int unreadable) {

  public static PolicyTargetFields read(JsonNode spec) {
    List<PolicyTargets.Reference> refs = new ArrayList<>();
    List<PolicyTargets.Selector> selectors = new ArrayList<>();
    int unreadable = 0;
    if (spec == null || !spec.isObject()) {
      return new PolicyTargetFields(refs, selectors, 0);
    }
    List<JsonNode> refNodes = new ArrayList<>();
    if (spec.has("targetRef")) {
      refNodes.add(spec.get("targetRef"));
    }
    spec.path("targetRefs").forEach(refNodes::add);
    for (JsonNode node : refNodes) {
      if (!node.isObject()) { // a null item would bind as an empty reference
        unreadable++;
        continue;
      }
      Binder.Result<PolicyTargets.Reference> ref = Binder.bind(node, PolicyTargets.Reference.class);
      if (ref.ok() && ref.value() != null && ref.value().name() != null) {
        refs.add(ref.value());
      } else {
        unreadable++;
      }
    }
    for (JsonNode node : spec.path("targetSelectors")) {
      if (!node.isObject()) { // a null item would bind as a selector of everything
        unreadable++;
        continue;
      }
      Binder.Result<PolicyTargets.Selector> selector = Binder.bind(node, PolicyTargets.Selector.class);
      if (selector.ok() && selector.value() != null) {
        selectors.add(selector.value());
      } else {
        unreadable++;
      }
    }
    return new PolicyTargetFields(List.copyOf(refs), List.copyOf(selectors), unreadable);
  }
}

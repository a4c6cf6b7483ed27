package dev.tollgate.translator.model.envoygateway;

import dev.tollgate.translator.model.gatewayapi.LabelSelector;
import java.util.List;
import java.util.Map;

/** How Envoy Gateway's policies name what they apply to. */
public final class PolicyTargets {

  private PolicyTargets() {}

  /**
   * A target in the policy's own namespace; {@code sectionName} picks a Gateway listener or a
   * route rule by name.
   */
  public record Reference(String group, String kind, String name, String sectionName) {}

  /** Targets chosen by their labels, in the policy's namespace unless {@code namespaces} says otherwise. */
  public record Selector(
      String group,
      String kind,
      Map<String, String> matchLabels,
      List<LabelSelector.Requirement> matchExpressions,
      Namespaces namespaces) {
    public Selector {
      matchLabels = matchLabels == null ? Map.of() : matchLabels;
      matchExpressions = matchExpressions == null ? List.of() : matchExpressions;
    }

    public LabelSelector labels() {
      return new LabelSelector(matchLabels, matchExpressions);
    }
  }

  /** Which namespaces a selector looks in: {@code Same} (the default), {@code All} or {@code Selector}. */
  public record Namespaces(String from, LabelSelector selector) {}
}

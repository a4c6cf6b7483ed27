package dev.tollgate.translator.validate;

import dev.tollgate.translator.pipeline.OutputStage;
import dev.tollgate.translator.pipeline.TranslationContext;
import dev.tollgate.translator.status.ConditionTypes;
import dev.tollgate.translator.xds.GatewayXds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last output stage: a Gateway whose resources Envoy would reject is withheld (serving keeps
 * its last good configuration), reported, and its status says it is not programmed.
 */
public final class ValidationStage implements OutputStage {

  private static final int MAX_REPORTED = 20;

  private final XdsValidator validator;
  /** A Gateway's configuration as validated, and what validation found. */
  private record Verdict(GatewayXds xds, List<Violation> violations) {}

  /**
   * The previous run's verdicts by Gateway: validation is a pure function of the configuration,
   * and a Gateway the pipeline did not regenerate (nor a later stage replace) is the same
   * instance; one with the same resource names as a valid one has only its changed resources
   * checked again.
   */
  private volatile Map<String, Verdict> lastRun = Map.of();

  public ValidationStage(XdsValidator validator) {
    this.validator = validator;
  }

  @Override
  public void apply(TranslationContext context) {
    Map<String, Verdict> previous = lastRun;
    Map<String, Verdict> thisRun = new HashMap<>();
    for (GatewayXds gateway : List.copyOf(context.gateways().values())) {
      List<Violation> violations = verdict(gateway, previous.get(gateway.gateway()));
      thisRun.put(gateway.gateway(), new Verdict(gateway, violations));
      if (violations.isEmpty()) {
        continue;
      }
      StringBuilder message = new StringBuilder("generated configuration is invalid and was not published: ");
      for (int i = 0; i < Math.min(MAX_REPORTED, violations.size()); i++) {
        message.append(i == 0 ? "" : "; ").append(violations.get(i));
      }
      if (violations.size() > MAX_REPORTED) {
        message.append("; and ").append(violations.size() - MAX_REPORTED).append(" more");
      }
      context.withhold(gateway.gateway(), message.toString());
      context.markGatewayNotProgrammed(gateway.gateway(), ConditionTypes.Reason.INVALID, message.toString());
    }
    lastRun = thisRun;
  }

  private List<Violation> verdict(GatewayXds gateway, Verdict before) {
    if (before != null && before.xds() == gateway) {
      return before.violations();
    }
    if (before != null && before.violations().isEmpty()) {
      List<Violation> changed = validator.revalidate(before.xds(), gateway);
      if (changed != null) {
        return List.copyOf(changed);
      }
    }
    return List.copyOf(validator.validate(gateway));
  }
}

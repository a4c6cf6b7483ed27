package dev.tollgate.translator.validate;

import dev.tollgate.translator.pipeline.OutputStage;
import dev.tollgate.translator.pipeline.TranslationContext;
import dev.tollgate.translator.status.ConditionTypes;
import dev.tollgate.translator.xds.GatewayXds;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last output stage: a Gateway whose resources Envoy would reject is withheld (serving keeps
 * its last good configuration), reported, and its status says it is not programmed.
 */
public final class ValidationStage implements OutputStage {

  private static final int MAX_REPORTED = 20;

  private final XdsValidator validator;
  /**
   * The previous run's violations by configuration instance: validation is a pure function of it,
   * and a Gateway the pipeline did not regenerate (nor a later stage replace) is the same instance.
   */
  private volatile Map<GatewayXds, List<Violation>> lastRun = new IdentityHashMap<>();

  public ValidationStage(XdsValidator validator) {
    this.validator = validator;
  }

  @Override
  public void apply(TranslationContext context) {
    Map<GatewayXds, List<Violation>> previous = lastRun;
    Map<GatewayXds, List<Violation>> thisRun = new IdentityHashMap<>();
    for (GatewayXds gateway : List.copyOf(context.gateways().values())) {
      List<Violation> known = previous.get(gateway);
      List<Violation> violations = known != null ? known : List.copyOf(validator.validate(gateway));
      thisRun.put(gateway, violations);
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
}

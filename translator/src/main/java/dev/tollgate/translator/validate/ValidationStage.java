package dev.tollgate.translator.validate;

import dev.tollgate.translator.pipeline.OutputStage;
import dev.tollgate.translator.pipeline.TranslationContext;
import dev.tollgate.translator.status.ConditionTypes;
import dev.tollgate.translator.xds.GatewayXds;
import java.util.List;

/**
 * The last output stage: a Gateway whose resources Envoy would reject is withheld (serving keeps
 * its last good configuration), reported, and its status says it is not programmed.
 */
public final class ValidationStage implements OutputStage {

  private static final int MAX_REPORTED = 20;

  private final XdsValidator validator;

  public ValidationStage(XdsValidator validator) {
    this.validator = validator;
  }

  @Override
  public void apply(TranslationContext context) {
    for (GatewayXds gateway : List.copyOf(context.gateways().values())) {
      List<Violation> violations = validator.validate(gateway);
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
  }
}

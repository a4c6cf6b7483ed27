package dev.tollgate.app;

import dev.tollgate.patch.EnvoyPatchPolicyStage;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.validate.XdsValidator;
import dev.tollgate.translator.xds.XdsStage;
import java.util.List;

/**
 * Assembles the pipeline with its output stages, the one way both {@code translate} and
 * {@code serve} run it: gateway and xDS stages, EnvoyPatchPolicies, then validation.
 */
public final class Pipelines {
  private Pipelines() {}

  public static Pipeline create(TranslatorConfig config) {
    XdsValidator validator = new XdsValidator();
    return new Pipeline(config, new XdsStage(), List.of(new EnvoyPatchPolicyStage(validator)), validator);
  }
}

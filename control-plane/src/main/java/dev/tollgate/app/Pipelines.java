package dev.tollgate.app;

import dev.tollgate.extension.Extension;
import dev.tollgate.patch.EnvoyPatchPolicyStage;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.pipeline.OutputStage;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.validate.XdsValidator;
import dev.tollgate.translator.xds.XdsStage;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the pipeline with its output stages, the one way both {@code translate} and
 * {@code serve} run it, in Envoy Gateway's order: gateway and xDS stages, the extension's
 * in-translation hooks, EnvoyPatchPolicies, the extension's translation hook, then validation.
 */
public final class Pipelines {
  private Pipelines() {}

  public static Pipeline create(TranslatorConfig config) {
    return create(config, Extension.none());
  }

  public static Pipeline create(TranslatorConfig config, Extension extension) {
    XdsValidator validator = new XdsValidator();
    List<OutputStage> stages = new ArrayList<>(extension.inTranslationStages(validator));
    stages.add(new EnvoyPatchPolicyStage(validator));
    stages.addAll(extension.postTranslationStages(validator));
    return new Pipeline(config.withExtensionKinds(extension.kinds()), new XdsStage(), stages, validator);
  }
}

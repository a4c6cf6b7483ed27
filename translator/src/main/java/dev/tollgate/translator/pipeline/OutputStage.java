package dev.tollgate.translator.pipeline;

/**
 * A stage that runs on the generated configuration before it is published: patches, extension
 * hooks, validation. Stages run in the order the pipeline lists them.
 */
public interface OutputStage {
  void apply(TranslationContext context);
}

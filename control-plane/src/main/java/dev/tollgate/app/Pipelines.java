package dev.tollgate.app;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.pipeline.Pipeline;

/** Assembles the pipeline with its output stages, the same way for {@code translate} and {@code serve}. */
public final class Pipelines {
  private Pipelines() {}

  /** The pipeline {@code tollgate translate} runs. */
  public static Pipeline offline(TranslatorConfig config) {
    return new Pipeline(config);
  }
}

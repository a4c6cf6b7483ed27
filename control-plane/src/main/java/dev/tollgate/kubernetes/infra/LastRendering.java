package dev.tollgate.kubernetes.infra;

import dev.tollgate.infra.RenderedGateway;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.pipeline.TranslationResult;
import java.util.List;

/**
 * The rendering of the latest translation, computed once: the status writer and the reconciler
 * both ask for it, with the same input and result objects.
 */
final class LastRendering implements InfrastructureRendering {

  private final InfrastructureRendering rendering;
  private ResourceSet input;
  private TranslationResult result;
  private List<RenderedGateway> rendered;

  LastRendering(InfrastructureRendering rendering) {
    this.rendering = rendering;
  }

  @Override
  public synchronized List<RenderedGateway> render(ResourceSet input, TranslationResult result) {
    if (input != this.input || result != this.result) {
      rendered = rendering.render(input, result);
      this.input = input;
      this.result = result;
    }
    return rendered;
  }
}

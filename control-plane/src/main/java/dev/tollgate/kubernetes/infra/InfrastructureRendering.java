package dev.tollgate.kubernetes.infra;

import dev.tollgate.infra.RenderedGateway;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.pipeline.TranslationResult;
import java.util.List;

/**
 * What the reconciler applies: each Gateway's proxy infrastructure as it should be, computed from
 * one translation's input and result ({@code new InfrastructureRenderer(settings)::render}). Pure:
 * the same input renders the same objects.
 */
@FunctionalInterface
public interface InfrastructureRendering {

  List<RenderedGateway> render(ResourceSet input, TranslationResult result);
}

package dev.tollgate.kubernetes.infra;

import dev.tollgate.infra.RenderedGateway;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.pipeline.TranslationResult;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A stand-in renderer for serve's tests: every Gateway the translation gave a status (so one of
 * Tollgate's) gets {@link ProxyObjects}' objects, with the OPA image named by the Gateway's
 * annotation {@code test/opa-image}. Only where {@code test.infrastructure-rendering} is set.
 */
@Singleton
@Requires(property = "test.infrastructure-rendering", value = "true")
@Replaces(bean = InfrastructureRendering.class, factory = InfrastructureRenderingFactory.class)
final class TestRendering implements InfrastructureRendering {

  @Override
  public List<RenderedGateway> render(ResourceSet input, TranslationResult result) {
    return input.gateways().stream()
        .filter(g -> result.statuses().stream().anyMatch(s -> s.kind().equals("Gateway") && s.key().equals(g.key())))
        .map(TestRendering::render).toList();
  }

  private static RenderedGateway render(Gateway g) {
    String image = g.metadata().annotations().getOrDefault("test/opa-image", "openpolicyagent/opa:1.10.1-envoy-5-static");
    return ProxyObjects.deployment(g.metadata().namespace(), g.metadata().name(), image);
  }
}

package dev.tollgate.kubernetes.infra;

import dev.tollgate.infra.InfrastructureRenderer;
import dev.tollgate.infra.InfrastructureSettings;
import dev.tollgate.serve.xds.auth.ProxyAuthMode;
import dev.tollgate.serve.xds.auth.ProxyAuthSettings;
import dev.tollgate.serve.xds.auth.ProxyAuthentication;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Serve's renderer: {@code tollgate render}'s, with the infrastructure settings in effect. Rendered
 * proxies send a projected token when proxies are authenticated by token; with any other mode they
 * send none (client certificates are not issued to pods).
 */
@Factory
final class InfrastructureRenderingFactory {

  @Singleton
  InfrastructureRendering rendering(InfrastructureProperties properties, ProxyAuthentication authentication,
      ProxyAuthSettings proxyAuth) {
    String namespace = InfrastructureNamespace.resolve(properties.getNamespace(), System.getenv());
    String audience = authentication.mode() == ProxyAuthMode.KUBERNETES_TOKEN ? proxyAuth.getProxyAuthAudience() : null;
    InfrastructureRenderer renderer = new InfrastructureRenderer(new InfrastructureSettings(namespace,
        properties.getXdsAddress(), properties.getEnvoyImage(), properties.getXdsCaConfigMap(), audience));
    return renderer::render;
  }
}

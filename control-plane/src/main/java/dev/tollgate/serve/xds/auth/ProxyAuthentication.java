package dev.tollgate.serve.xds.auth;

import dev.tollgate.kubernetes.ClusterConnection;
import dev.tollgate.serve.ServeSettings;
import dev.tollgate.kubernetes.infra.InfrastructureNamespace;
import dev.tollgate.kubernetes.infra.InfrastructureProperties;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.grpc.BindableService;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What guards the xDS service: in {@code kubernetes-token} mode every stream must prove its
 * Gateway with a token ({@link KubernetesProxyAuthenticator}), in {@code client-certificate} mode
 * with its mutual TLS certificate ({@link ClientCertificates}); in {@code none} mode nothing does,
 * and every start says so loudly.
 */
@Singleton
public final class ProxyAuthentication {

  private static final Logger LOG = LoggerFactory.getLogger(ProxyAuthentication.class);

  private final ProxyAuthMode mode;
  private final ProxyAuthInterceptor interceptor;
  private final KubernetesClient ownClient;

  ProxyAuthentication(ProxyAuthSettings settings, ServeSettings serve, InfrastructureProperties infrastructure,
      MeterRegistry registry, Optional<KubernetesClient> sharedClient) {
    this.mode = ProxyAuthMode.resolve(Optional.ofNullable(settings.getProxyAuth()), serve.provider());
    if (mode == ProxyAuthMode.NONE) {
      LOG.warn("PROXY AUTHENTICATION IS OFF (tollgate.proxy-auth=none): any client that reaches the xDS port receives "
          + "any Gateway's configuration, TLS private keys included. For development only; in a cluster set "
          + "tollgate.proxy-auth=kubernetes-token, elsewhere client-certificate.");
      this.interceptor = null;
      this.ownClient = null;
      return;
    }
    if (mode == ProxyAuthMode.CLIENT_CERTIFICATE) {
      ServeSettings.Tls tls = serve.getXdsTls();
      // serve's settings check says so first; this guards contexts started without it
      ProxyAuthMode.clientCertificateProblem(Optional.ofNullable(tls.getCertificate()), Optional.ofNullable(tls.getClientCa()))
          .ifPresent(problem -> {
            throw new IllegalStateException(problem);
          });
      this.interceptor = new ProxyAuthInterceptor(new ClientCertificates(), new ProxyAuthMetrics(registry));
      this.ownClient = null;
      LOG.info("proxies authenticate with client certificates of {} naming their Gateway", tls.getClientCa());
      return;
    }
    KubernetesClient client = sharedClient.orElse(null);
    this.ownClient = client == null ? new KubernetesClientBuilder().withConfig(config(serve)).build() : null;
    KubernetesClient used = client == null ? ownClient : client;
    Set<String> proxyNamespaces = proxyNamespaces(settings, used.getNamespace(), infrastructure, serve.provider(), System.getenv());
    this.interceptor = new ProxyAuthInterceptor(new BearerTokens(new KubernetesProxyAuthenticator(used,
        settings.getProxyAuthAudience(), proxyNamespaces, settings.getProxyAuthCacheAge(), Clock.systemUTC())),
        new ProxyAuthMetrics(registry));
    LOG.info("proxies authenticate with projected ServiceAccount tokens for audience {} (proxy namespaces: {})",
        settings.getProxyAuthAudience(), proxyNamespaces.isEmpty() ? "none" : String.join(", ", proxyNamespaces.stream().sorted().toList()));
  }

  /**
   * Where pods may serve a Gateway of another namespace: {@code tollgate.proxy-auth-namespaces},
   * else Tollgate's own namespace and, when Tollgate creates the proxies, the namespace it creates
   * them in (it may be another one, {@code tollgate.infrastructure.namespace}).
   */
  static Set<String> proxyNamespaces(ProxyAuthSettings settings, String ownNamespace, InfrastructureProperties infrastructure,
      String provider, java.util.Map<String, String> env) {
    Set<String> namespaces = new HashSet<>(settings.getProxyAuthNamespaces());
    if (!namespaces.isEmpty()) {
      return namespaces;
    }
    if (ownNamespace != null) {
      namespaces.add(ownNamespace);
    }
    if (infrastructure.isReconcile() && "kubernetes".equals(provider)) {
      namespaces.add(InfrastructureNamespace.resolve(infrastructure.getNamespace(), env));
    }
    return namespaces;
  }

  public ProxyAuthMode mode() {
    return mode;
  }

  /** The provider's connection: reviews go to the cluster whose objects are served. */
  private static Config config(ServeSettings serve) {
    try {
      return ClusterConnection.config(serve.getKubeconfig());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // serve's settings check refuses such a kubeconfig before start
    }
  }

  /** The service, behind the authentication this mode asks for. */
  public ServerServiceDefinition protect(BindableService service) {
    return interceptor == null ? service.bindService() : ServerInterceptors.intercept(service, interceptor);
  }

  @PreDestroy
  void close() {
    if (ownClient != null) {
      ownClient.close();
    }
  }
}

package dev.tollgate.kubernetes.infra;

import dev.tollgate.kubernetes.leader.LeaderElection;
import dev.tollgate.kubernetes.status.StatusWriteBack;
import dev.tollgate.serve.ServeMetrics;
import dev.tollgate.serve.TranslationLoop;
import dev.tollgate.serve.provider.kubernetes.KubernetesProvider;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With the Kubernetes provider, every translation's proxy infrastructure is rendered and
 * reconciled into the cluster by the replica that leads (the status writer's election), through the
 * one {@link InfrastructureRendering} bean. Nothing is reconciled with the file provider, with
 * {@code tollgate.infrastructure.reconcile=false}, or when no rendering is provided.
 */
@Context
public final class InfrastructureReconcileBack {

  private static final Logger LOG = LoggerFactory.getLogger(InfrastructureReconcileBack.class);

  private final TranslationLoop loop;
  private final StatusWriteBack statusWriteBack;
  private final ServeMetrics metrics;
  private final InfrastructureProperties properties;
  private final BeanProvider<InfrastructureRendering> rendering;
  private InfrastructureReconciler reconciler;

  public InfrastructureReconcileBack(TranslationLoop loop, StatusWriteBack statusWriteBack, ServeMetrics metrics,
      InfrastructureProperties properties, BeanProvider<InfrastructureRendering> rendering) {
    this.loop = loop;
    this.statusWriteBack = statusWriteBack;
    this.metrics = metrics;
    this.properties = properties;
    this.rendering = rendering;
  }

  @PostConstruct
  void start() {
    KubernetesClient client = loop.provider().filter(KubernetesProvider.class::isInstance).map(KubernetesProvider.class::cast)
        .flatMap(KubernetesProvider::client).orElse(null);
    if (client == null) {
      return;
    }
    if (!properties.isReconcile()) {
      LOG.info("tollgate.infrastructure.reconcile is false: no proxy infrastructure is created; deploy each Gateway's proxies yourself");
      return;
    }
    if (!rendering.isPresent()) {
      LOG.warn("no proxy infrastructure renderer is configured: no proxy infrastructure is created");
      return;
    }
    LastRendering rendered = new LastRendering(rendering.get());
    statusWriteBack.amendStatuses((input, result) -> InfrastructureConditions.apply(result.statuses(), rendered.render(input, result)));
    reconciler = new InfrastructureReconciler(client, rendered, properties.settings(System.getenv()), metrics.registry());
    loop.onTranslatedFrom(reconciler::offer);
    loop.lastInput().ifPresent(input -> loop.last().ifPresent(result -> reconciler.offer(input, result)));
    reconciler.start();
    statusWriteBack.onLeadership(LeaderElection.Listener.of(reconciler::activate, reconciler::deactivate));
  }

  /** The reconciler, while one runs. */
  public java.util.Optional<InfrastructureReconciler> reconciler() {
    return java.util.Optional.ofNullable(reconciler);
  }

  /** Waits until nothing is left to reconcile (at once when nothing is reconciled or this replica does not lead). */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return reconciler == null || reconciler.awaitIdle(timeout);
  }

  @PreDestroy
  void stop() {
    if (reconciler != null) {
      reconciler.close();
    }
  }
}

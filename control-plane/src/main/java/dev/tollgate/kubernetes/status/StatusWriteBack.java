package dev.tollgate.kubernetes.status;

import dev.tollgate.kubernetes.leader.LeaderElection;
import dev.tollgate.kubernetes.leader.LeaderSettings;
import dev.tollgate.serve.ServeMetrics;
import dev.tollgate.serve.ServeSettings;
import dev.tollgate.serve.TranslationLoop;
import dev.tollgate.serve.provider.kubernetes.KubernetesProvider;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With the Kubernetes provider, every translation's statuses are written back to the cluster,
 * by the replica that holds the leader Lease only; every replica keeps the latest statuses so a new
 * leader writes just what differs. With the file provider there is nothing to write to.
 */
@Context
public final class StatusWriteBack {

  private static final Logger LOG = LoggerFactory.getLogger(StatusWriteBack.class);

  private final TranslationLoop loop;
  private final ServeSettings settings;
  private final ServeMetrics metrics;
  private StatusWriter writer;
  private LeaderElection election;

  public StatusWriteBack(TranslationLoop loop, ServeSettings settings, ServeMetrics metrics) {
    this.loop = loop;
    this.settings = settings;
    this.metrics = metrics;
  }

  @PostConstruct
  void start() {
    KubernetesClient client = loop.provider().filter(KubernetesProvider.class::isInstance)
        .map(KubernetesProvider.class::cast).flatMap(KubernetesProvider::client).orElse(null);
    if (client == null) {
      return;
    }
    writer = new StatusWriter(client, StatusWriterSettings.defaults(settings.getControllerName()), metrics.registry());
    // The Lease lives in Tollgate's own namespace: the pod's, else the client's, else default.
    String namespace = Objects.requireNonNullElse(System.getenv("POD_NAMESPACE"),
        Objects.requireNonNullElse(client.getNamespace(), "default"));
    election = new LeaderElection(client, LeaderSettings.defaults(namespace),
        LeaderElection.Listener.of(writer::activate, writer::deactivate), metrics.registry()).start();
    loop.onTranslated(result -> writer.write(result.statuses()));
    loop.last().ifPresent(result -> writer.write(result.statuses()));
    LOG.info("statuses are written back to the cluster while this replica ({}) holds Lease {}/{}",
        election.identity(), namespace, LeaderSettings.DEFAULT_NAME);
  }

  @PreDestroy
  void stop() {
    if (election != null) {
      election.close(); // releases the Lease, so another replica takes over at once
    }
    if (writer != null) {
      writer.close();
    }
  }
}

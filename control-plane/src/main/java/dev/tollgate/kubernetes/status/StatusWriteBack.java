package dev.tollgate.kubernetes.status;

import dev.tollgate.kubernetes.leader.LeaderElection;
import dev.tollgate.kubernetes.leader.LeaderElectionProperties;
import dev.tollgate.kubernetes.leader.LeaderSettings;
import dev.tollgate.serve.ServeMetrics;
import dev.tollgate.serve.ServeSettings;
import dev.tollgate.serve.TranslationLoop;
import dev.tollgate.serve.provider.kubernetes.KubernetesProvider;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
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
  private final LeaderElectionProperties leaderElection;
  private StatusWriter writer;
  private LeaderElection election;
  /** Others that write only while this replica leads (the proxy infrastructure reconciler). */
  private final java.util.List<LeaderElection.Listener> followers = new java.util.ArrayList<>();
  private boolean leads;
  private volatile StatusAmendment amendment = (input, result) -> result.statuses();

  public StatusWriteBack(TranslationLoop loop, ServeSettings settings, ServeMetrics metrics,
      LeaderElectionProperties leaderElection) {
    this.loop = loop;
    this.settings = settings;
    this.metrics = metrics;
    this.leaderElection = leaderElection;
  }

  @PostConstruct
  void start() {
    KubernetesProvider provider = loop.provider().filter(KubernetesProvider.class::isInstance)
        .map(KubernetesProvider.class::cast).orElse(null);
    KubernetesClient client = provider == null ? null : provider.client().orElse(null);
    if (client == null) {
      return;
    }
    writer = new StatusWriter(client, provider, StatusWriterSettings.defaults(settings.getControllerName()), metrics.registry());
    LeaderSettings lease = leaderElection.settings(System.getenv(), client.getNamespace());
    election = new LeaderElection(client, lease, LeaderElection.Listener.of(() -> {
      writer.activate();
      leadershipChanged(true);
    }, () -> {
      writer.deactivate();
      leadershipChanged(false);
    }), metrics.registry()).start();
    loop.onTranslatedFrom((input, result) -> writer.write(amendment.statuses(input, result)));
    loop.lastInput().ifPresent(input -> loop.last().ifPresent(result -> writer.write(amendment.statuses(input, result))));
    LOG.info("statuses are written back to the cluster while this replica ({}) holds Lease {}/{}",
        election.identity(), lease.namespace(), lease.name());
  }

  /** From now on, writes the statuses {@code amendment} gives for each translation, the last one at once. */
  public void amendStatuses(StatusAmendment amendment) {
    this.amendment = amendment;
    if (writer != null) {
      loop.lastInput().ifPresent(input -> loop.last().ifPresent(result -> writer.write(amendment.statuses(input, result))));
    }
  }

  /**
   * Tells {@code listener} when this replica starts and stops leading, from now on — at once when it
   * leads already. Not at all with the file provider, where there is no election.
   */
  public synchronized void onLeadership(LeaderElection.Listener listener) {
    followers.add(listener);
    if (leads) {
      listener.startedLeading();
    }
  }

  private synchronized void leadershipChanged(boolean now) {
    leads = now;
    followers.forEach(now ? LeaderElection.Listener::startedLeading : LeaderElection.Listener::stoppedLeading);
  }

  /** True while this replica holds the Lease and writes statuses. */
  public boolean leading() {
    return election != null && election.leading();
  }

  /** Waits until the statuses recorded so far are written (at once when this replica does not lead). */
  public boolean awaitWritten(Duration timeout) throws InterruptedException {
    return writer == null || writer.awaitWritten(timeout);
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

package dev.tollgate.kubernetes.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's part in leader election, with fabric8's {@link LeaderElector} on a Lease. The
 * listener hears when this replica starts and stops leading. A replica that loses the lease
 * (it could not renew in time) stands as a candidate again. {@link #close()} releases the lease,
 * so another replica takes over at its next retry rather than after the lease duration.
 *
 * <p>Metrics: {@code tollgate.leader} (1 while this replica leads) and
 * {@code tollgate.leader.transitions} (times this replica started or stopped leading, by {@code change}).
 */
public final class LeaderElection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

  /** Told when this replica starts or stops leading; called on the election's thread. */
  public interface Listener {
    void startedLeading();

    void stoppedLeading();

    /** E.g. {@code Listener.of(statusWriter::activate, statusWriter::deactivate)}. */
    static Listener of(Runnable started, Runnable stopped) {
      return new Listener() {
        @Override
        public void startedLeading() {
          started.run();
        }

        @Override
        public void stoppedLeading() {
          stopped.run();
        }
      };
    }
  }

  private final KubernetesClient client;
  private final LeaderSettings settings;
  private final Listener listener;
  private final MeterRegistry registry;
  private final AtomicBoolean leading = new AtomicBoolean();
  /** Set once the listener has started leading, cleared before it stops: what {@link #leading()} reports. */
  private volatile boolean reportedLeading;
  private final ExecutorService executor;
  private volatile boolean closed;
  private volatile CompletableFuture<?> running;

  public LeaderElection(KubernetesClient client, LeaderSettings settings, Listener listener, MeterRegistry registry) {
    this.client = client;
    this.settings = settings;
    this.listener = listener;
    this.registry = registry;
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "tollgate-leader-election");
      t.setDaemon(true);
      return t;
    });
    Gauge.builder("tollgate.leader", leading, l -> l.get() ? 1 : 0)
        .description("1 while this replica leads (writes statuses)").register(registry);
  }

  /** Stands as a candidate; returns at once. */
  public synchronized LeaderElection start() {
    if (closed || running != null) {
      return this;
    }
    campaign();
    return this;
  }

  /** Whether this replica leads and its listener has been told so (its statuses are being written). */
  public boolean leading() {
    return reportedLeading;
  }

  public String identity() {
    return settings.identity();
  }

  private synchronized void campaign() {
    if (closed) {
      return;
    }
    LeaderElector elector = new LeaderElector(client, new LeaderElectionConfigBuilder()
        .withName(settings.name())
        .withLock(new LeaseLock(settings.namespace(), settings.name(), settings.identity()))
        .withLeaseDuration(settings.leaseDuration())
        .withRenewDeadline(settings.renewDeadline())
        .withRetryPeriod(settings.retryPeriod())
        .withReleaseOnCancel(true)
        .withLeaderCallbacks(new LeaderCallbacks(this::started, this::stopped, this::newLeader))
        .build(), executor);
    CompletableFuture<?> future = elector.start();
    running = future;
    // The elector ends when it cannot renew; unless closed, this replica stands again.
    future.whenComplete((v, t) -> {
      if (!closed) {
        LOG.info("leader election on Lease {}/{} ended for {}; standing again", settings.namespace(), settings.name(),
            settings.identity());
        executor.execute(this::campaign);
      }
    });
  }

  private void started() {
    if (leading.compareAndSet(false, true)) {
      LOG.info("{} leads (Lease {}/{}): writing statuses", settings.identity(), settings.namespace(), settings.name());
      transition("started");
      listener.startedLeading();
      reportedLeading = true;
    }
  }

  private void stopped() {
    if (leading.compareAndSet(true, false)) {
      reportedLeading = false;
      LOG.info("{} no longer leads (Lease {}/{}): statuses are left to the leader", settings.identity(),
          settings.namespace(), settings.name());
      transition("stopped");
      listener.stoppedLeading();
    }
  }

  private void newLeader(String identity) {
    LOG.info("Lease {}/{} is held by {}", settings.namespace(), settings.name(), identity);
  }

  private void transition(String change) {
    Counter.builder("tollgate.leader.transitions").description("Times this replica started or stopped leading")
        .tag("change", change).register(registry).increment();
  }

  /** Stops standing; a leader releases the lease (graceful shutdown) and stops leading first. */
  @Override
  public void close() {
    CompletableFuture<?> future;
    synchronized (this) {
      closed = true;
      future = running;
    }
    if (future != null) {
      // Cancelling runs the elector's release of the lease before it returns.
      future.cancel(true);
    }
    stopped();
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

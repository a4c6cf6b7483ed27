package dev.tollgate.kubernetes.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.kubernetes.status.PendingStatuses.Work;
import dev.tollgate.kubernetes.status.StatusWriteMetrics.Outcome;
import dev.tollgate.translator.status.ObjectStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the statuses a translation computed to the objects' status subresources.
 *
 * <p>{@link #write} only records what is wanted and returns: worker threads
 * ({@link StatusWriterSettings#workers}, never two on one object) compare each changed object with
 * the live one and write it when Tollgate's part differs, at most
 * {@link StatusWriterSettings#writesPerSecond} objects a second in all. Only the latest status of an
 * object is written, however many translations came in between. A conflict is retried on the
 * latest object; a deleted object is dropped.
 *
 * <p>A new writer is idle: it keeps the latest statuses but writes nothing until
 * {@link #activate()} (this replica leads), and then writes only what differs from the cluster.
 */
public final class StatusWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

  private final KubernetesClient client;
  private final LiveObjects cache;
  private final AtomicBoolean sweepDue = new AtomicBoolean();
  private volatile boolean offered;
  private final StatusWriterSettings settings;
  private final StatusMerge merge;
  private final StatusWriteMetrics metrics;
  private final PendingStatuses pending = new PendingStatuses();
  private final TokenBucket bucket;
  private final List<Thread> workers;

  public StatusWriter(KubernetesClient client, StatusWriterSettings settings, MeterRegistry registry) {
    this(client, LiveObjects.NONE, settings, registry);
  }

  /** A writer that compares with the cached object first and reads the live one only after a conflict. */
  public StatusWriter(KubernetesClient client, LiveObjects cache, StatusWriterSettings settings, MeterRegistry registry) {
    this.client = client;
    this.cache = cache;
    this.settings = settings;
    this.merge = new StatusMerge(settings.controllerName());
    this.metrics = new StatusWriteMetrics(registry);
    this.bucket = new TokenBucket(settings.writesPerSecond(), settings.burst());
    this.workers = java.util.stream.IntStream.range(0, settings.workers()).mapToObj(i -> {
      Thread t = new Thread(this::run, "tollgate-status-writer-" + i);
      t.setDaemon(true);
      t.start();
      return t;
    }).toList();
  }

  /**
   * The statuses of the latest translation, all of them (objects missing from the list no longer
   * have one: Tollgate's part of their status is removed, as it is, once per leadership, from cached
   * objects that still hold entries of Tollgate's no translation wants). Cheap; call it after every
   * translation.
   */
  public void write(List<ObjectStatus> statuses) {
    pending.offer(statuses);
    offered = true;
    sweepIfDue();
  }

  /** This replica writes from now on, starting with whatever differs from the cluster. */
  public void activate() {
    sweepDue.set(true);
    pending.setActive(true);
    sweepIfDue();
  }

  /**
   * Once per leadership, when a translation is known: entries of Tollgate's that no translation
   * accounts for were left by an earlier run or replica; later ones this writer removes itself.
   */
  private void sweepIfDue() {
    if (offered && pending.active() && sweepDue.compareAndSet(true, false)) {
      pending.offerStrays(StrayStatuses.find(cache.withWrittenStatuses(), settings.controllerName(), pending.wanted()));
    }
  }

  /** This replica stops writing (another one leads); it keeps the latest statuses. */
  public void deactivate() {
    pending.setActive(false);
  }

  public boolean active() {
    return pending.active();
  }

  /** Waits until every pending status is written (or nothing is written, when idle). */
  public boolean awaitWritten(Duration timeout) throws InterruptedException {
    return pending.awaitIdle(timeout.toMillis());
  }

  @Override
  public void close() {
    pending.close();
    workers.forEach(Thread::interrupt);
    try {
      for (Thread t : workers) {
        t.join(Duration.ofSeconds(5).toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      Work work;
      while ((work = pending.take()) != null) {
        bucket.acquire();
        try {
          handle(work);
        } finally {
          pending.done(work);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(Work work) throws InterruptedException {
    ObjectStatus s = work.target().status();
    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      try {
        // The first attempt trusts the cache; after a conflict the live object is read.
        metrics.count(s.kind(), writeOnce(work, attempt == 1));
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
          metrics.count(s.kind(), Outcome.GONE);
          return;
        }
        if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
          metrics.conflict(s.kind());
        } else {
          LOG.warn("{}: status not written on attempt {}: {}", s.key(), attempt, e.getMessage());
          Thread.sleep(100L * attempt);
        }
      } catch (RuntimeException e) {
        LOG.warn("{}: status not written on attempt {}", s.key(), attempt, e);
        Thread.sleep(100L * attempt);
      }
    }
    LOG.warn("{}: status not written after {} attempts; the next change of its status tries again",
        s.key(), settings.maxAttempts());
    metrics.count(s.kind(), Outcome.FAILED);
  }

  /** Writes the object's status when Tollgate's part differs from the cached (or else the live) object's. */
  private Outcome writeOnce(Work work, boolean fromCache) {
    ObjectStatus s = work.target().status();
    GenericKubernetesResource live = (fromCache ? cache.cached(s.apiVersion(), s.kind(), s.namespace(), s.name()) : Optional
        .<GenericKubernetesResource>empty()).orElseGet(() -> resource(s).get());
    if (live == null) {
      return Outcome.GONE;
    }
    JsonNode before = StatusTrees.of(live.getAdditionalProperties().get("status"));
    String now = Instant.now(settings.clock()).truncatedTo(ChronoUnit.SECONDS).toString();
    JsonNode after = merge.merge(before, work.target(), pending.ourParents(), now);
    if (after.equals(before)) {
      return Outcome.UNCHANGED;
    }
    // A copy: the object read may be the informer cache's own.
    GenericKubernetesResource written = new GenericKubernetesResource();
    written.setApiVersion(s.apiVersion());
    written.setKind(s.kind());
    written.setMetadata(new ObjectMetaBuilder(live.getMetadata()).build());
    written.setAdditionalProperties(new LinkedHashMap<>(live.getAdditionalProperties()));
    written.getAdditionalProperties().put("status", StatusTrees.toMap(after));
    // Locked to the version read: a newer object is a 409, and the merge is redone on the live one.
    operation(s).resource(written).lockResourceVersion(live.getMetadata().getResourceVersion()).replaceStatus();
    return Outcome.WRITTEN;
  }

  private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
      operation(ObjectStatus s) {
    return client.genericKubernetesResources(s.apiVersion(), s.kind());
  }

  private Resource<GenericKubernetesResource> resource(ObjectStatus s) {
    var op = operation(s);
    return s.namespace() == null || s.namespace().isEmpty()
        ? op.withName(s.name())
        : op.inNamespace(s.namespace()).withName(s.name());
  }
}

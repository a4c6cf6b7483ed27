package dev.tollgate.kubernetes.infra;

import dev.tollgate.app.Failures;
import dev.tollgate.infra.InfrastructureLabels;
import dev.tollgate.kubernetes.infra.DesiredObjects.Desired;
import dev.tollgate.kubernetes.infra.ManagedKinds.ManagedKind;
import dev.tollgate.kubernetes.status.TokenBucket;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.pipeline.TranslationResult;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every Gateway's proxy infrastructure in the cluster as the latest translation renders it.
 *
 * <p>{@link #offer} records the latest translation and returns; one worker thread renders it and
 * makes the infrastructure namespace match, while this replica leads ({@link #activate()}):
 * <ul>
 *   <li>each wanted object is written with server-side apply (field manager {@code tollgate},
 *       conflicts forced), so Tollgate owns the fields it renders and others keep theirs (an HPA's
 *       replicas, a cloud controller's annotations);
 *   <li>an object is not applied again while its rendering is what was last applied and the live
 *       object, as the informer last saw it, still holds every field applied. A hand edit of one of
 *       those fields is seen on its watch event and put back; a field the API server normalises
 *       (so the comparison cannot be trusted for that object) is put back at the resync, when
 *       every object is applied again ({@link ReconcilerSettings#resync}), and so is anything when a
 *       replica starts leading;
 *   <li>an object labelled {@code app.kubernetes.io/managed-by=tollgate} in the infrastructure
 *       namespace that no Gateway wants is deleted — after the wanted ones are applied, so a
 *       Deployment replaced by a DaemonSet is deleted once the DaemonSet is there;
 *   <li>a Gateway whose rendering has problems keeps what runs for it: its objects are neither
 *       applied nor deleted, and the problems are logged once (and once more when resolved);
 *   <li>nothing is deleted after a translation that stopped early (a defect outside any one
 *       Gateway): its render may lack Gateways that are still there.
 * </ul>
 * Writes are rate-limited; an API error fails that object only, and the pass is tried again with
 * growing pauses. A replica that does not lead only watches.
 */
public final class InfrastructureReconciler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InfrastructureReconciler.class);

  private record Translated(ResourceSet input, TranslationResult result) {}

  /**
   * What was last applied to one object.
   *
   * @param comparable the object the API server returned held every field applied, so the live
   *     object can be compared with the tree (not so when the server normalises a value)
   * @param refused the API server refused the object as invalid: not tried again until its
   *     rendering changes or the resync
   * @param version the resourceVersion the apply produced (null when refused)
   * @param superseded resourceVersions of this object older than the one applied (the one the
   *     informer held when the apply was made, "" for none, and those of earlier applies): while the
   *     informer holds one of them, it has not seen the apply yet
   */
  private record Applied(Map<String, Object> tree, boolean comparable, boolean refused, String version,
      Set<String> superseded) {

    /** What was superseded once an apply was made with the informer at {@code before}; a few suffice. */
    static Set<String> superseding(Applied prior, String before, String applied) {
      Set<String> out = new java.util.LinkedHashSet<>(prior == null ? Set.of() : prior.superseded());
      if (prior != null && prior.version() != null) {
        out.add(prior.version());
      }
      out.add(before == null ? "" : before);
      out.remove(applied);
      while (out.size() > 16) {
        out.remove(out.iterator().next());
      }
      return Set.copyOf(out);
    }
  }

  private final KubernetesClient client;
  private final KubernetesSerialization serialization;
  private final InfrastructureRendering rendering;
  private final ReconcilerSettings settings;
  private final InfrastructureMetrics metrics;
  private final TokenBucket bucket;
  private final Map<String, SharedIndexInformer<GenericKubernetesResource>> informers = new LinkedHashMap<>();
  private final Thread worker;

  // Guarded by this.
  private Translated latest;
  private boolean renderDue;
  private boolean passDue;
  private boolean forget;
  private boolean running;
  private boolean closed;
  private long retryAt;
  private long nextResync;
  private Duration backoff;
  private volatile boolean active;

  // The worker's own.
  private DesiredObjects desired;
  private final Map<ManagedKey, Applied> memo = new HashMap<>();
  /** Objects the informers saw deleted: what was applied to them is gone. */
  private final java.util.Queue<ManagedKey> deleted = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private volatile Map<String, List<String>> reported = Map.of();

  public InfrastructureReconciler(KubernetesClient client, InfrastructureRendering rendering, ReconcilerSettings settings,
      MeterRegistry registry) {
    this.client = client;
    this.serialization = client.getKubernetesSerialization();
    this.rendering = rendering;
    this.settings = settings;
    this.metrics = new InfrastructureMetrics(registry);
    this.bucket = new TokenBucket(settings.writesPerSecond(), settings.burst());
    this.backoff = settings.firstRetry();
    this.nextResync = System.nanoTime() + settings.resync().toNanos();
    for (ManagedKind kind : ManagedKinds.ALL) {
      SharedIndexInformer<GenericKubernetesResource> informer = client.genericKubernetesResources(kind.context())
          .inNamespace(settings.namespace()).withLabel(InfrastructureLabels.MANAGED_BY, InfrastructureLabels.MANAGED_BY_TOLLGATE)
          .runnableInformer(0);
      informer.addEventHandler(new ResourceEventHandler<>() {
        @Override
        public void onAdd(GenericKubernetesResource obj) {
          changed();
        }

        @Override
        public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
          if (!Objects.equals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion())) {
            changed();
          }
        }

        @Override
        public void onDelete(GenericKubernetesResource obj, boolean finalStateUnknown) {
          deleted.add(new ManagedKey(kind.kind(), obj.getMetadata().getName()));
          changed();
        }
      });
      informer.exceptionHandler((isStarted, e) -> {
        LOG.warn("watching {} in {} failed ({}); retrying", kind.kind(), settings.namespace(), e.toString());
        return true;
      });
      informers.put(kind.kind(), informer);
    }
    this.worker = new Thread(this::run, "tollgate-infrastructure");
    worker.setDaemon(true);
  }

  /** Starts watching the managed objects and the worker; returns at once. */
  public InfrastructureReconciler start() {
    informers.values().forEach(i -> i.start().whenComplete((done, e) -> changed()));
    worker.start();
    LOG.info("proxy infrastructure is reconciled in namespace {} while this replica leads", settings.namespace());
    return this;
  }

  /** The latest translation and the input it was made from. Cheap: call it after every translation. */
  public synchronized void offer(ResourceSet input, TranslationResult result) {
    latest = new Translated(input, result);
    renderDue = true;
    passDue = true;
    notifyAll();
  }

  /** This replica leads: it writes from now on, starting with every object applied once. */
  public synchronized void activate() {
    if (!active) {
      active = true;
      forget = true;
      passDue = true;
      retryAt = 0;
      notifyAll();
    }
  }

  /** Another replica leads: this one stops writing (a pass under way stops at its next object). */
  public synchronized void deactivate() {
    active = false;
    notifyAll();
  }

  public boolean active() {
    return active;
  }

  /** Waits until no pass is due or running (at once when this replica does not lead); false on timeout. */
  public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (running || active && passDue && latest != null) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  private synchronized void changed() {
    passDue = true;
    notifyAll();
  }

  private void run() {
    try {
      while (true) {
        Translated t;
        boolean render;
        boolean reset;
        synchronized (this) {
          while (!closed && !ready()) {
            wait(waitMillis());
          }
          if (closed) {
            return;
          }
          t = latest;
          render = renderDue;
          reset = forget;
          renderDue = false;
          forget = false;
          passDue = false;
          running = true;
        }
        boolean ok = false;
        try {
          ok = pass(t, render, reset);
        } catch (RuntimeException | Error e) {
          Failures.rethrowIfFatal(e);
          LOG.error("reconciling proxy infrastructure failed; tried again", e);
        } finally {
          finished(ok);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A pass may run: this replica leads, something changed, a pause after a failure has passed, the caches are listed. */
  private boolean ready() {
    long now = System.nanoTime();
    if (now - nextResync >= 0) {
      nextResync = now + settings.resync().toNanos();
      forget = true;
      passDue = true;
    }
    return active && passDue && latest != null && now - retryAt >= 0
        && informers.values().stream().allMatch(SharedIndexInformer::hasSynced);
  }

  private long waitMillis() {
    long now = System.nanoTime();
    long until = nextResync - now;
    if (passDue && retryAt - now > 0) {
      until = Math.min(until, retryAt - now);
    }
    // Informers report their first listing through changed(); a bounded wait covers one that fails.
    return Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(until), 1000));
  }

  private synchronized void finished(boolean ok) {
    running = false;
    if (ok) {
      backoff = settings.firstRetry();
    } else {
      retryAt = System.nanoTime() + backoff.toNanos();
      passDue = true;
      backoff = backoff.multipliedBy(2).compareTo(settings.lastRetry()) > 0 ? settings.lastRetry() : backoff.multipliedBy(2);
    }
    notifyAll();
  }

  /** One pass over every object; false when something failed and the pass should be tried again. */
  private boolean pass(Translated t, boolean render, boolean reset) throws InterruptedException {
    if (reset) {
      memo.clear();
    }
    for (ManagedKey key; (key = deleted.poll()) != null; ) {
      memo.remove(key);
    }
    if (render || desired == null) {
      try {
        desired = DesiredObjects.of(rendering.render(t.input(), t.result()), settings.namespace(), serialization);
      } catch (RuntimeException e) {
        Failures.rethrowIfFatal(e);
        desired = null;
        LOG.error("rendering proxy infrastructure failed; what runs is left as it is", e);
        metrics.pass("failed");
        return false;
      }
      report(desired.problems());
    }
    boolean ok = true;
    for (Map.Entry<ManagedKey, Desired> e : desired.objects().entrySet()) {
      if (!active) {
        return true;
      }
      ok &= applyIfNeeded(e.getKey(), e.getValue());
    }
    boolean complete = t.result().problems().stream().noneMatch(p -> p.defect() && p.gateway().isEmpty());
    if (complete) {
      ok &= deleteUnwanted();
    }
    metrics.pass(ok ? "ok" : "failed");
    return ok;
  }

  private boolean applyIfNeeded(ManagedKey key, Desired d) throws InterruptedException {
    Applied prior = memo.get(key);
    GenericKubernetesResource live = cached(d.kind(), key.name());
    String version = live == null ? null : live.getMetadata().getResourceVersion();
    boolean same = prior != null && prior.tree().equals(d.tree());
    // Unchanged since applied: refused as it is; or the informer has not seen the apply yet (an
    // object deleted since is no longer in the memo); or the live object holds what was applied.
    if (same && (prior.refused() || prior.superseded().contains(version == null ? "" : version)
        || live != null && (!prior.comparable() || Containment.holds(d.tree(), tree(live))))) {
      return true;
    }
    bucket.acquire();
    if (!active) {
      return true;
    }
    try {
      GenericKubernetesResource applied = client.genericKubernetesResources(d.kind().context()).inNamespace(settings.namespace())
          .resource(serialization.clone(d.object())).fieldManager(ReconcilerSettings.FIELD_MANAGER).forceConflicts().serverSideApply();
      String appliedVersion = applied == null ? null : applied.getMetadata().getResourceVersion();
      memo.put(key, new Applied(d.tree(), applied != null && Containment.holds(d.tree(), tree(applied)), false,
          appliedVersion, Applied.superseding(prior, version, appliedVersion)));
      metrics.applied(d.kind().kind(), "applied");
      if (same) {
        LOG.info("{} {}/{}: a field Tollgate manages was changed or the object deleted; applied again", key.kind(),
            settings.namespace(), key.name());
      } else {
        LOG.info("applied {} {}/{} ({})", key.kind(), settings.namespace(), key.name(), gatewayNote(d.object()));
      }
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 400 || e.getCode() == 422) {
        memo.put(key, new Applied(d.tree(), false, true, null, Applied.superseding(prior, version, null)));
        metrics.applied(d.kind().kind(), "refused");
        LOG.warn("{} {}/{} ({}): refused by the API server: {}; tried again when its rendering changes, or at the next resync",
            key.kind(), settings.namespace(), key.name(), gatewayNote(d.object()), e.getMessage());
        return true;
      }
      memo.remove(key);
      metrics.applied(d.kind().kind(), "failed");
      LOG.warn("{} {}/{}: not applied ({}); tried again", key.kind(), settings.namespace(), key.name(), e.getMessage());
      return false;
    } catch (RuntimeException e) {
      Failures.rethrowIfFatal(e);
      memo.remove(key);
      metrics.applied(d.kind().kind(), "failed");
      LOG.warn("{} {}/{}: not applied; tried again", key.kind(), settings.namespace(), key.name(), e);
      return false;
    }
  }

  /** Deletes the managed objects no Gateway wants, except those of Gateways kept as they run. */
  private boolean deleteUnwanted() throws InterruptedException {
    boolean ok = true;
    for (ManagedKind kind : ManagedKinds.ALL) {
      List<GenericKubernetesResource> live = informers.get(kind.kind()).getStore().list().stream()
          .sorted(Comparator.comparing(o -> o.getMetadata().getName())).toList();
      for (GenericKubernetesResource o : live) {
        ManagedKey key = new ManagedKey(kind.kind(), o.getMetadata().getName());
        String gateway = DesiredObjects.gatewayOf(o);
        if (desired.objects().containsKey(key) || gateway != null && desired.kept().contains(gateway)) {
          continue;
        }
        bucket.acquire();
        if (!active) {
          return true;
        }
        try {
          boolean gone = client.genericKubernetesResources(kind.context()).inNamespace(settings.namespace()).withName(key.name())
              .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete().isEmpty();
          memo.remove(key);
          if (gone) {
            continue; // deleted already: the informer had not seen it go
          }
          metrics.deleted(kind.kind(), "deleted");
          LOG.info("deleted {} {}/{}: no Gateway wants it ({})", key.kind(), settings.namespace(), key.name(), gatewayNote(o));
        } catch (KubernetesClientException e) {
          if (e.getCode() == 404) {
            continue;
          }
          ok = false;
          metrics.deleted(kind.kind(), "failed");
          LOG.warn("{} {}/{}: not deleted ({}); tried again", key.kind(), settings.namespace(), key.name(), e.getMessage());
        }
      }
    }
    return ok;
  }

  /** Each Gateway's problems, logged once when they appear or change and once when resolved. */
  private void report(Map<String, List<String>> problems) {
    problems.forEach((gateway, list) -> {
      if (!list.equals(reported.get(gateway))) {
        LOG.warn("Gateway {}: its proxy infrastructure is left as it runs, since it cannot be rendered: {}", gateway,
            String.join("; ", list));
      }
    });
    reported.keySet().stream().filter(g -> !problems.containsKey(g)).forEach(g ->
        LOG.info("resolved: Gateway {}'s proxy infrastructure is rendered again", g));
    reported = problems;
    metrics.problems(problems.size());
  }

  /** The problems of the latest render, by Gateway. */
  public Map<String, List<String>> problems() {
    return reported;
  }

  private GenericKubernetesResource cached(ManagedKind kind, String name) {
    return informers.get(kind.kind()).getStore().getByKey(settings.namespace() + "/" + name);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> tree(HasMetadata o) {
    return serialization.convertValue(o, Map.class);
  }

  private static String gatewayNote(HasMetadata o) {
    String gateway = DesiredObjects.gatewayOf(o);
    return gateway == null ? "of no Gateway" : "Gateway " + gateway;
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      active = false;
      notifyAll();
    }
    worker.interrupt();
    informers.values().forEach(SharedIndexInformer::stop);
    try {
      worker.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

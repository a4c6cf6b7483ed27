package dev.tollgate.serve.provider.kubernetes;

import dev.tollgate.app.Failures;
import dev.tollgate.serve.ServeSettings;
import dev.tollgate.serve.provider.ProvidedInputs;
import dev.tollgate.serve.provider.Provider;
import dev.tollgate.translator.extension.ExtensionKinds;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.input.ReadLimits;
import dev.tollgate.translator.model.ObjectKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import dev.tollgate.kubernetes.ClusterConnection;
import dev.tollgate.kubernetes.status.LiveObjects;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inputs from a Kubernetes cluster, through fabric8 informers: one per kind Tollgate reads (and
 * per watched namespace, when only some are watched), in the version the cluster serves. Every
 * change marks the inputs dirty; once changes have settled for the debounce interval (or gone on
 * for ten of them), every cached object is taken in as a file's documents are and handed over.
 * A resync that changes no object's resourceVersion changes nothing and is not read.
 *
 * <p>A custom kind is watched once its CustomResourceDefinition is installed (a CRD informer
 * follows them); until then it is skipped, with one warning. The first inputs are handed over
 * once every informer has synced.
 *
 * <p>With {@link Options#leastPrivilege()}, Secrets and ConfigMaps are not listed wholesale: each
 * one a translation looked up ({@link #referenced}) is read by an informer of its own name only,
 * started when first referenced and stopped when no longer; its first listing reads the inputs
 * again, so a reference is resolved one translation after it appears.
 */
public final class KubernetesProvider implements Provider, LiveObjects {

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesProvider.class);

  /**
   * How the cluster is read.
   *
   * @param namespaces the namespaces watched; every namespace when empty
   * @param kubeconfig the kubeconfig file to connect with; fabric8's own discovery when null
   * @param leastPrivilege read only the Secrets and ConfigMaps translations reference, each by name
   */
  public record Options(Duration debounce, ExtensionKinds extensionKinds, ReadLimits limits, List<String> namespaces,
      Duration resync, String kubeconfig, boolean leastPrivilege) {
    public Options {
      namespaces = List.copyOf(namespaces);
    }

    public static Options of(ServeSettings settings, ExtensionKinds extensionKinds) {
      if (!settings.getResources().isEmpty()) {
        LOG.warn("the Kubernetes provider reads the cluster; tollgate.resources (--resources) is not read (--provider file reads it)");
      }
      String kubeconfig = settings.getKubeconfig() == null || settings.getKubeconfig().isEmpty() ? null : settings.getKubeconfig();
      return new Options(settings.getDebounce(), extensionKinds, settings.readLimits(), settings.getNamespaces(),
          settings.getResyncInterval(), kubeconfig, settings.isLeastPrivilege());
    }
  }

  /** The informers of one kind. */
  private record Watch(WatchedKind kind, List<SharedIndexInformer<GenericKubernetesResource>> informers) {
    boolean synced() {
      return informers.stream().allMatch(SharedIndexInformer::hasSynced);
    }
  }

  /** The kinds (of the core group) read by reference under least privilege. */
  private static final Set<String> BY_REFERENCE = Set.of("Secret", "ConfigMap");

  /** The informer of one referenced object: a list and watch of its name only. */
  private static final class Referenced {
    final SharedIndexInformer<GenericKubernetesResource> informer;
    /** Why its listing failed, until it succeeds; it is retried meanwhile. */
    volatile String failure;

    Referenced(SharedIndexInformer<GenericKubernetesResource> informer) {
      this.informer = informer;
    }

    /** Listed, or failed once: readiness does not wait on an object that cannot be read (it is reported). */
    boolean settled() {
      return informer.hasSynced() || failure != null;
    }
  }

  private final Options options;
  private final KubernetesMetrics metrics;
  private final Consumer<ProvidedInputs> consumer;
  private final long debounceNanos;
  private final long maxSettleNanos;
  private final List<WantedKind> wanted;
  private final ScheduledExecutorService debouncer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "tollgate-kubernetes-provider");
    t.setDaemon(true);
    return t;
  });
  private KubernetesClient client;
  private SharedIndexInformer<CustomResourceDefinition> crds;
  /** By {@link WantedKind#key()}: the kinds being watched now. */
  private final Map<String, Watch> watches = new HashMap<>();
  private final Set<String> reportedMissing = new HashSet<>();
  private final Map<String, String> lastFailures = new ConcurrentHashMap<>();
  private final AdmittedObjects admitted = new AdmittedObjects();
  /** Under least privilege: by kind name, how the kinds read by reference are served. */
  private final Map<String, WatchedKind> byReference = new HashMap<>();
  /** Under least privilege: the referenced objects being read, sorted. */
  private final Map<ObjectKey, Referenced> referenced = new TreeMap<>();
  /** Under least privilege: false until the first inputs were translated, and so their references known. */
  private volatile boolean referencesKnown;
  private ScheduledFuture<?> pending;
  private volatile long busySince;
  private volatile boolean started;
  private volatile boolean closed;

  public KubernetesProvider(Options options, MeterRegistry registry, Consumer<ProvidedInputs> consumer) {
    this.options = options;
    this.metrics = new KubernetesMetrics(registry);
    this.consumer = consumer;
    this.debounceNanos = options.debounce().toNanos();
    this.maxSettleNanos = Math.max(Duration.ofSeconds(2).toNanos(), debounceNanos * 10);
    this.wanted = WantedKind.all(options.extensionKinds());
  }

  @Override
  public synchronized void start() throws IOException {
    client = new KubernetesClientBuilder().withConfig(ClusterConnection.config(options.kubeconfig())).build();
    LOG.info("reading Gateway API and policy objects from the cluster at {} ({})", client.getMasterUrl(),
        options.namespaces().isEmpty() ? "every namespace" : "namespaces " + String.join(", ", options.namespaces()));
    if (options.leastPrivilege()) {
      LOG.info("least privilege: only the Secrets and ConfigMaps the translation references are read, each by name");
    }
    for (WantedKind kind : wanted) {
      if (readByReference(kind)) {
        byReference.put(kind.kind(), kind.builtInWatch());
      } else if (kind.builtIn()) {
        watch(kind, kind.builtInWatch());
      }
    }
    crds = client.apiextensions().v1().customResourceDefinitions().runnableInformer(options.resync().toMillis());
    crds.addEventHandler(handler("CustomResourceDefinition", this::crdsChanged, false));
    crds.exceptionHandler((running, e) -> retrying("CustomResourceDefinition", e));
    crds.start().whenComplete((done, e) -> crdsChanged());
    started = true;
  }

  /** The client reading the cluster, once started: the status write-back writes through it too. */
  public Optional<KubernetesClient> client() {
    return Optional.ofNullable(client);
  }

  /**
   * An object as the informers last saw it, when its kind is watched in {@code apiVersion}: the
   * status writer compares with it before asking the API server.
   */
  @Override
  public Optional<GenericKubernetesResource> cached(String apiVersion, String kind, String namespace, String name) {
    Watch watch;
    synchronized (this) {
      watch = watches.values().stream().filter(w -> w.kind().kind().equals(kind) && w.kind().apiVersion().equals(apiVersion))
          .findFirst().orElse(null);
    }
    if (watch == null) {
      return Optional.empty();
    }
    String key = namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    return watch.informers().stream().map(i -> i.getStore().getByKey(key)).filter(Objects::nonNull).findFirst();
  }

  /** Every cached object of the kinds whose statuses are Tollgate's output, with the version and kind watched. */
  @Override
  public List<LiveObjects.Cached> withWrittenStatuses() {
    List<Watch> current;
    synchronized (this) {
      current = watches.values().stream().filter(w -> w.kind().statusIsOutput()).toList();
    }
    List<LiveObjects.Cached> out = new ArrayList<>();
    for (Watch w : current) {
      w.informers().forEach(i -> i.getStore().list().forEach(o ->
          out.add(new LiveObjects.Cached(w.kind().apiVersion(), w.kind().kind(), o))));
    }
    return out;
  }

  /** Starts or stops the informers of custom kinds as their CRDs come, change versions and go. */
  private synchronized void crdsChanged() {
    if (closed) {
      return;
    }
    List<CustomResourceDefinition> installed = crds.getStore().list();
    for (WantedKind kind : wanted) {
      if (kind.builtIn()) {
        continue;
      }
      Optional<WatchedKind> served = installed.stream().filter(kind::definedBy).findFirst().flatMap(kind::servedBy);
      Watch current = watches.get(kind.key());
      if (current != null && served.isPresent() && current.kind().equals(served.get())) {
        continue;
      }
      if (current != null) {
        current.informers().forEach(SharedIndexInformer::stop);
        watches.remove(kind.key());
        LOG.info("{}: {}", current.kind(), served.map(w -> "its CustomResourceDefinition changed; now read as " + w)
            .orElse("its CustomResourceDefinition was deleted or serves no version Tollgate reads; its objects are no longer read"));
        changed();
      }
      if (served.isPresent()) {
        watch(kind, served.get());
        if (reportedMissing.remove(kind.key())) {
          LOG.info("kind {} ({}): its CustomResourceDefinition is installed; read as {}", kind.kind(), kind.group(), served.get());
        }
      } else if (crds.hasSynced() && reportedMissing.add(kind.key())) {
        LOG.warn("kind {} ({}) is not read: the CustomResourceDefinition {} is not installed{}; it is read once it is",
            kind.kind(), kind.group(), kind.crdName(),
            kind.versions().isEmpty() ? "" : " or serves none of " + String.join(", ", kind.versions().stream().sorted().toList()));
      }
    }
    changed(); // the CRDs' first listing may complete the sync
  }

  private void watch(WantedKind wantedKind, WatchedKind kind) {
    var resources = client.genericKubernetesResources(kind.context());
    List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();
    long resync = options.resync().toMillis();
    if (!kind.namespaced()) {
      informers.add(resources.runnableInformer(resync));
    } else if (options.namespaces().isEmpty()) {
      informers.add(resources.inAnyNamespace().runnableInformer(resync));
    } else {
      options.namespaces().forEach(ns -> informers.add(resources.inNamespace(ns).runnableInformer(resync)));
    }
    watches.put(wantedKind.key(), new Watch(kind, informers));
    for (SharedIndexInformer<GenericKubernetesResource> informer : informers) {
      informer.addEventHandler(handler(kind.kind(), this::changed, kind.statusIsOutput()));
      informer.exceptionHandler((running, e) -> retrying(kind.toString(), e));
      informer.start().whenComplete((done, e) -> changed());
    }
  }

  private boolean readByReference(WantedKind kind) {
    return options.leastPrivilege() && kind.group().isEmpty() && BY_REFERENCE.contains(kind.kind());
  }

  private boolean watchedNamespace(String namespace) {
    return options.namespaces().isEmpty() || options.namespaces().contains(namespace);
  }

  /**
   * Under least privilege, the Secrets and ConfigMaps a translation looked up (found or not): the
   * new ones are read from now on, those no longer looked up are no longer read. Those outside
   * the watched namespaces are not read, as without least privilege. Without least privilege,
   * nothing to do.
   *
   * @param complete false when the translation stopped early: its lookups may be partial, so
   *     nothing is stopped
   */
  public synchronized void referenced(Collection<ObjectKey> lookups, boolean complete) {
    if (!options.leastPrivilege() || closed || client == null) {
      return;
    }
    Set<ObjectKey> now = new TreeSet<>();
    for (ObjectKey key : lookups) {
      if (byReference.containsKey(key.kind()) && !key.namespace().isEmpty() && watchedNamespace(key.namespace())) {
        now.add(key);
      }
    }
    boolean dropped = false;
    if (complete) {
      for (var it = referenced.entrySet().iterator(); it.hasNext(); ) {
        var entry = it.next();
        if (!now.contains(entry.getKey())) {
          entry.getValue().informer.stop();
          it.remove();
          dropped = true;
          LOG.info("{} is no longer referenced; no longer read", describe(entry.getKey()));
        }
      }
    }
    for (ObjectKey key : now) {
      if (!referenced.containsKey(key)) {
        read(key);
      }
    }
    if (dropped) {
      changed(); // its object leaves the inputs
    }
  }

  /** Under least privilege: the referenced Secrets and ConfigMaps being read now, sorted; empty otherwise. */
  public synchronized Set<ObjectKey> readByReference() {
    return Collections.unmodifiableSet(new TreeSet<>(referenced.keySet()));
  }

  private static String describe(ObjectKey key) {
    return key.kind() + " " + key.namespace() + "/" + key.name();
  }

  /** Starts reading one referenced object: a list and watch with fieldSelector metadata.name. */
  private void read(ObjectKey key) {
    WatchedKind kind = byReference.get(key.kind());
    SharedIndexInformer<GenericKubernetesResource> informer = client.genericKubernetesResources(kind.context())
        .inNamespace(key.namespace()).withName(key.name()).runnableInformer(options.resync().toMillis());
    Referenced entry = new Referenced(informer);
    referenced.put(key, entry);
    String what = describe(key);
    LOG.info("{} is referenced; reading it", what);
    informer.addEventHandler(handler(kind.kind(), this::changed, kind.statusIsOutput()));
    informer.exceptionHandler((running, e) -> {
      if (!informer.hasSynced() && entry.failure == null) {
        entry.failure = e.toString();
        changed(); // reported, and readiness no longer waits on it
      }
      return retrying(what, e);
    });
    informer.start().whenComplete((done, e) -> changed());
  }

  /** Any failure of a list or watch is retried, with fabric8's growing pauses; logged when it differs from the last one. */
  private boolean retrying(String what, Throwable e) {
    if (!e.toString().equals(lastFailures.put(what, e.toString()))) {
      LOG.warn("watching {} failed ({}); retrying", what, e.toString());
    } else {
      LOG.debug("watching {} failed again ({}); retrying", what, e.toString());
    }
    return true;
  }

  /**
   * Calls back on every addition, deletion and change; not on a resync, which changes nothing, nor,
   * when {@code statusIsOutput}, on a change of the status alone (Tollgate's own writes, mostly).
   */
  private <T extends HasMetadata> ResourceEventHandler<T> handler(String kind, Runnable changed, boolean statusIsOutput) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        metrics.event(kind, "added");
        changed.run();
      }

      @Override
      public void onUpdate(T before, T after) {
        if (Objects.equals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion())) {
          return;
        }
        if (statusIsOutput && StatusOnlyChange.between(before, after)) {
          metrics.event(kind, "status-updated");
          return;
        }
        metrics.event(kind, "updated");
        changed.run();
      }

      @Override
      public void onDelete(T object, boolean finalStateUnknown) {
        metrics.event(kind, "deleted");
        changed.run();
      }
    };
  }

  /** Marks the inputs dirty: they are read once changes have settled, or have gone on for the longest settle. */
  private synchronized void changed() {
    if (closed) {
      return;
    }
    long now = System.nanoTime();
    if (busySince == 0) {
      busySince = now;
    }
    if (pending != null) {
      pending.cancel(false);
    }
    long left = maxSettleNanos - (now - busySince);
    pending = debouncer.schedule(this::deliver, Math.max(0, Math.min(debounceNanos, left)), TimeUnit.NANOSECONDS);
  }

  private void deliver() {
    long since;
    synchronized (this) {
      pending = null;
      since = busySince;
      busySince = 0;
      if (closed || !listed()) {
        return; // the sync still missing calls changed() when it completes
      }
    }
    metrics.read(Duration.ofNanos(System.nanoTime() - since));
    try {
      consumer.accept(read());
    } catch (RuntimeException | Error e) {
      Failures.rethrowIfFatal(e);
      LOG.error("reading the cluster's objects failed; the configuration being served is unchanged", e);
    } finally {
      referencesKnown = true; // the consumer translated, and so told referenced(), before returning
    }
  }

  @Override
  public synchronized ProvidedInputs read() {
    ManifestReader reader = new ManifestReader(options.extensionKinds(), options.limits());
    List<String> unread = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (WantedKind kind : wanted) { // always in the same order
      if (readByReference(kind)) {
        readReferenced(reader, byReference.get(kind.kind()), unread, failed);
        continue;
      }
      Watch watch = watches.get(kind.key());
      if (watch == null) {
        continue;
      }
      if (!watch.synced()) {
        unread.add("kubernetes: " + watch.kind() + ": not listed yet");
      }
      List<GenericKubernetesResource> objects = new ArrayList<>();
      watch.informers().forEach(i -> objects.addAll(i.getStore().list()));
      objects.sort(Comparator.comparing(o -> AdmittedObjects.sourceName(watch.kind(), o)));
      for (GenericKubernetesResource object : objects) {
        reader.add(admitted.take(reader, watch.kind(), object));
      }
    }
    admitted.readingDone();
    List<String> problems = new ArrayList<>(unread);
    problems.addAll(failed);
    return new ProvidedInputs(reader.resources(), reader.problems(), problems, unread);
  }

  /** The referenced objects of one kind, in the order a wholesale listing would give. */
  private void readReferenced(ManifestReader reader, WatchedKind kind, List<String> unread, List<String> failed) {
    List<GenericKubernetesResource> objects = new ArrayList<>();
    referenced.forEach((key, entry) -> {
      if (!key.kind().equals(kind.kind())) {
        return;
      }
      if (!entry.informer.hasSynced()) {
        String failure = entry.failure;
        if (failure == null) {
          unread.add("kubernetes: " + describe(key) + ": not read yet");
        } else {
          failed.add("kubernetes: " + describe(key) + ": cannot be read (" + failure + "); read as missing, retrying");
        }
      }
      objects.addAll(entry.informer.getStore().list());
    });
    objects.sort(Comparator.comparing(o -> AdmittedObjects.sourceName(kind, o)));
    for (GenericKubernetesResource object : objects) {
      reader.add(admitted.take(reader, kind, object));
    }
  }

  /** True once the CRDs and every kind being watched have been listed: the inputs can be read. */
  private synchronized boolean listed() {
    return crds != null && crds.hasSynced() && watches.values().stream().allMatch(Watch::synced);
  }

  /**
   * True once the CRDs and every kind being watched have been listed, and under least privilege
   * once the first inputs' references are known and every referenced object has been listed (or
   * its listing failed, which is reported).
   */
  @Override
  public synchronized boolean synced() {
    return listed() && (!options.leastPrivilege() || referencesKnown)
        && referenced.values().stream().allMatch(Referenced::settled);
  }

  @Override
  public boolean watching() {
    return started && !closed;
  }

  /** Informers retry whatever fails; nothing stops them but {@link #close()}. */
  @Override
  public Optional<Throwable> stoppedBy() {
    return Optional.empty();
  }

  @Override
  public Optional<Duration> busyFor() {
    long since = busySince;
    return since == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime() - since));
  }

  @Override
  public String description() {
    return "the Kubernetes watch";
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      watches.values().forEach(w -> w.informers().forEach(SharedIndexInformer::stop));
      watches.clear();
      referenced.values().forEach(r -> r.informer.stop());
      referenced.clear();
      if (crds != null) {
        crds.stop();
      }
    }
    debouncer.shutdownNow();
    if (client != null) {
      client.close();
    }
  }
}

package dev.tollgate.serve;

import dev.tollgate.app.Failures;
import dev.tollgate.serve.provider.FileProvider;
import dev.tollgate.serve.provider.ProvidedInputs;
import dev.tollgate.serve.provider.Provider;
import dev.tollgate.serve.provider.kubernetes.KubernetesProvider;
import dev.tollgate.serve.snapshot.GatewaySnapshots;
import dev.tollgate.serve.snapshot.PublishedChanges;
import dev.tollgate.translator.input.InputProblem;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.Problem;
import dev.tollgate.translator.pipeline.TranslationResult;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the watched manifests, translates them and publishes each Gateway's snapshot, again after
 * every settled change. A Gateway whose new configuration is invalid keeps being served its last
 * good one; what went wrong is logged with its file and object, once when it appears and once when
 * it is resolved ({@link ProblemLog}), and counted. When a translation
 * fell short for a reason that may pass (an extension server that could not be reached), it is
 * tried again, with growing pauses, until it succeeds or the input changes.
 */
@Context
public final class TranslationLoop {

  private static final Logger LOG = LoggerFactory.getLogger(TranslationLoop.class);

  private final ServeSettings settings;
  private final Pipeline pipeline;
  private final GatewaySnapshots snapshots;
  private final ServeMetrics metrics;
  static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  static final Duration LAST_RETRY = Duration.ofSeconds(30);

  private Provider provider;
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "tollgate-translation-retry");
    t.setDaemon(true);
    return t;
  });
  private ScheduledFuture<?> retry;
  private Duration retryDelay = FIRST_RETRY;
  private final ProblemLog problems = new ProblemLog(LOG);
  /** Told of every completed translation (the Kubernetes status write-back). */
  private final List<Consumer<TranslationResult>> listeners = new CopyOnWriteArrayList<>();
  /** Told of every completed translation with the input it was made from (the proxy infrastructure reconciler). */
  private final List<BiConsumer<ResourceSet, TranslationResult>> inputListeners = new CopyOnWriteArrayList<>();
  private volatile TranslationResult last;
  private volatile ResourceSet lastInput;
  private volatile String failure;
  private volatile List<String> unread = List.of();
  /** {@link System#nanoTime()} when the translation under way started; 0 when none is. */
  private volatile long translatingSince;
  /** The pipeline's problems and the statuses' findings of the last completed translation: what is served has them. */
  private List<ProblemLog.Entry> servedProblems = List.of();

  public TranslationLoop(ServeSettings settings, Pipeline pipeline, GatewaySnapshots snapshots, ServeMetrics metrics) {
    this.settings = settings;
    this.pipeline = pipeline;
    this.snapshots = snapshots;
    this.metrics = metrics;
  }

  @PostConstruct
  void start() throws IOException {
    if (settings.provider().equals("kubernetes")) {
      KubernetesProvider kubernetes = new KubernetesProvider(
          KubernetesProvider.Options.of(settings, pipeline.config().extensionKinds()), metrics.registry(), this::translate);
      // Under least privilege it reads the Secrets and ConfigMaps each translation looked up; a
      // defect outside any one Gateway stopped the translation early, with lookups maybe partial.
      onTranslated(r -> kubernetes.referenced(r.lookups(),
          r.problems().stream().noneMatch(p -> p.defect() && p.gateway().isEmpty())));
      provider = kubernetes;
    } else {
      if (settings.getResources().isEmpty()) {
        LOG.warn("no resources to watch (--resources): no Gateway will be served");
      }
      if (settings.isLeastPrivilege()) {
        LOG.warn("tollgate.least-privilege (--least-privilege) applies to --provider kubernetes; the file provider reads only its files");
      }
      provider = new FileProvider(settings.getResources().stream().map(Path::of).toList(),
          new FileProvider.Options(settings.getDebounce(), pipeline.config().extensionKinds(), settings.readLimits()),
          this::translate);
    }
    provider.start();
  }

  synchronized void translate(ProvidedInputs inputs) {
    long start = System.nanoTime();
    translatingSince = start;
    if (retry != null) {
      retry.cancel(false);
      retry = null;
    }
    unread = inputs.unread();
    List<ProblemLog.Entry> readProblems = new ArrayList<>();
    inputs.fileProblems().forEach(p -> readProblems.add(ProblemLog.Entry.error(p)));
    try {
      TranslationResult result = pipeline.run(inputs.resources(), inputs.problems());
      scheduleRetry(result.hasRetryableProblems());
      Set<String> withheld = result.problems().stream()
          .filter(p -> p.severity() == Problem.Severity.ERROR && !p.gateway().isEmpty())
          .map(Problem::gateway).collect(Collectors.toSet());
      PublishedChanges changes = snapshots.publish(result.gateways(), withheld);
      // Listeners hear of a result before last() shows it, so whoever sees it there knows they have.
      listeners.forEach(l -> l.accept(result));
      inputListeners.forEach(l -> l.accept(inputs.resources(), result));
      lastInput = inputs.resources();
      last = result;
      // A defect caught inside the pipeline withholds what it touched; the translation still failed.
      failure = result.defect().map(Problem::message).orElse(null);
      List<ProblemLog.Entry> served = new ArrayList<>();
      result.problems().forEach(p -> served.add(entry(p)));
      result.findings().forEach(f -> served.add(ProblemLog.Entry.warn(f.toString())));
      servedProblems = List.copyOf(served);
      List<ProblemLog.Entry> all = new ArrayList<>(readProblems);
      result.inputProblems().forEach(p -> all.add(entry(p)));
      all.addAll(served);
      problems.update(all);
      metrics.translated(failure == null ? "ok" : "failed");
      metrics.lastTranslation(inputs.fileProblems().size() + result.inputProblems().size(), withheld.size());
      int reused = Math.max(0, result.ir().gateways().size() - result.regenerated().size());
      metrics.gatewaysGenerated(result.regenerated().size(), reused);
      metrics.published(changes.resources());
      LOG.info("translated {} objects: {} gateways served ({} generated anew, {} unchanged), {} kept on their last good "
          + "configuration; published: {}", inputs.resources().size(), result.gateways().size(), result.regenerated().size(),
          reused, withheld.size(), changes);
    } catch (RuntimeException | Error e) {
      Failures.rethrowIfFatal(e);
      failure = e.toString();
      metrics.translated("failed");
      // What is served is what the last completed translation made: its problems still hold.
      List<ProblemLog.Entry> all = new ArrayList<>(readProblems);
      inputs.problems().forEach(p -> all.add(entry(p)));
      all.addAll(servedProblems);
      all.add(new ProblemLog.Entry("translation failed (" + e + "); every gateway keeps the configuration it has",
          ProblemLog.Level.ERROR, e));
      problems.update(all);
    } finally {
      translatingSince = 0;
      metrics.translationDuration().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  private static ProblemLog.Entry entry(InputProblem p) {
    return p.severity() == InputProblem.Severity.ERROR ? ProblemLog.Entry.error(p.toString()) : ProblemLog.Entry.warn(p.toString());
  }

  private static ProblemLog.Entry entry(Problem p) {
    if (p.severity() == Problem.Severity.ERROR) {
      return ProblemLog.Entry.error(p + (p.gateway().isEmpty() ? "" : "; its proxies keep their last good configuration"));
    }
    return ProblemLog.Entry.warn(p.toString());
  }

  /** After a translation that may succeed when repeated, translates again later; pauses double up to {@link #LAST_RETRY}. */
  private void scheduleRetry(boolean needed) {
    if (!needed) {
      retryDelay = FIRST_RETRY;
      return;
    }
    try {
      retry = retries.schedule(() -> translate(provider.read()), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return; // shutting down
    }
    LOG.info("translating again in {} ms", retryDelay.toMillis());
    retryDelay = retryDelay.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retryDelay.multipliedBy(2);
  }

  /**
   * The problems that hold now: files that cannot be read, refused objects, withheld Gateways,
   * False conditions of statuses, a translation that failed.
   */
  public List<String> lastProblems() {
    return problems.current();
  }

  /** Why the last translation did not complete, while it did not; empty once one completes. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** Inputs of which nothing is in use: missing roots, directories that cannot be listed, files never read. */
  public List<String> unreadInputs() {
    return unread;
  }

  /** How long the translation under way has been running; empty when none is. */
  public Optional<Duration> translatingFor() {
    long since = translatingSince;
    return since == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime() - since));
  }

  /** The provider (the file watch, or the Kubernetes informers), once started. */
  public Optional<Provider> provider() {
    return Optional.ofNullable(provider);
  }

  /** Calls {@code listener} with every translation that completes from now on. */
  public void onTranslated(Consumer<TranslationResult> listener) {
    listeners.add(listener);
  }

  /** Calls {@code listener} with every translation that completes from now on, and the input it was made from. */
  public void onTranslatedFrom(BiConsumer<ResourceSet, TranslationResult> listener) {
    inputListeners.add(listener);
  }

  /** The input of {@link #last()}, once a translation has finished. */
  public Optional<ResourceSet> lastInput() {
    return Optional.ofNullable(lastInput);
  }

  /** The last translation, once one has finished. */
  public Optional<TranslationResult> last() {
    return Optional.ofNullable(last);
  }

  @PreDestroy
  void stop() throws IOException {
    retries.shutdownNow();
    if (provider != null) {
      provider.close();
    }
  }
}

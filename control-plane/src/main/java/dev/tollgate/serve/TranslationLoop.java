package dev.tollgate.serve;

import dev.tollgate.app.Failures;
import dev.tollgate.serve.provider.FileProvider;
import dev.tollgate.serve.provider.ProvidedInputs;
import dev.tollgate.serve.snapshot.GatewaySnapshots;
import dev.tollgate.translator.input.InputProblem;
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
 * good one; what went wrong is logged with its file and object, and counted. When a translation
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

  private FileProvider provider;
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "tollgate-translation-retry");
    t.setDaemon(true);
    return t;
  });
  private ScheduledFuture<?> retry;
  private Duration retryDelay = FIRST_RETRY;
  private volatile TranslationResult last;
  private volatile List<String> lastProblems = List.of();

  public TranslationLoop(ServeSettings settings, Pipeline pipeline, GatewaySnapshots snapshots, ServeMetrics metrics) {
    this.settings = settings;
    this.pipeline = pipeline;
    this.snapshots = snapshots;
    this.metrics = metrics;
  }

  @PostConstruct
  void start() throws IOException {
    if (settings.getResources().isEmpty()) {
      LOG.warn("no resources to watch (--resources): no Gateway will be served");
    }
    provider = new FileProvider(settings.getResources().stream().map(Path::of).toList(),
        new FileProvider.Options(settings.getDebounce(), pipeline.config().extensionKinds(), settings.readLimits()),
        this::translate);
    provider.start();
  }

  synchronized void translate(ProvidedInputs inputs) {
    long start = System.nanoTime();
    if (retry != null) {
      retry.cancel(false);
      retry = null;
    }
    try {
      TranslationResult result = pipeline.run(inputs.resources(), inputs.problems());
      scheduleRetry(result.hasRetryableProblems());
      inputs.fileProblems().forEach(p -> LOG.error("{}", p));
      for (InputProblem p : result.inputProblems()) {
        if (p.severity() == InputProblem.Severity.ERROR) {
          LOG.error("{}", p);
        } else {
          LOG.warn("{}", p);
        }
      }
      result.problems().forEach(p -> LOG.error("{}; its proxies keep their last good configuration", p));
      Set<String> withheld = result.problems().stream()
          .filter(p -> p.severity() == Problem.Severity.ERROR && !p.gateway().isEmpty())
          .map(Problem::gateway).collect(Collectors.toSet());
      snapshots.publish(result.gateways(), withheld);
      last = result;
      List<String> problems = new ArrayList<>(inputs.fileProblems());
      result.inputProblems().forEach(p -> problems.add(p.toString()));
      result.problems().forEach(p -> problems.add(p.toString()));
      lastProblems = List.copyOf(problems);
      metrics.translated("ok");
      metrics.lastTranslation(inputs.fileProblems().size() + result.inputProblems().size(), withheld.size());
      LOG.info("translated {} objects: {} gateways served, {} kept on their last good configuration",
          inputs.resources().size(), result.gateways().size(), withheld.size());
    } catch (RuntimeException | Error e) {
      Failures.rethrowIfFatal(e);
      metrics.translated("failed");
      LOG.error("translation failed; every gateway keeps the configuration it has", e);
    } finally {
      metrics.translationDuration().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
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

  /** Everything the last translation reported: unreadable files, bad documents, withheld Gateways. */
  public List<String> lastProblems() {
    return lastProblems;
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

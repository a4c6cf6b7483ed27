package dev.tollgate.serve.admin;

import dev.tollgate.serve.ServeSettings;
import dev.tollgate.serve.TranslationLoop;
import dev.tollgate.serve.provider.Provider;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Live while the translation loop makes progress: DOWN when a translation has been running for
 * longer than {@code tollgate.liveness-timeout}, when changes the provider has seen have waited
 * that long to be read and translated, or when the provider's watch has stopped; {@code stuck} says
 * which. A restart is what helps then. Part of {@code /health} and {@code /health/liveness}.
 */
@Singleton
@Liveness
public final class TranslationLivenessIndicator extends AbstractHealthIndicator<Map<String, Object>> {

  private final TranslationLoop loop;
  private final Duration timeout;

  public TranslationLivenessIndicator(TranslationLoop loop, ServeSettings settings) {
    this.loop = loop;
    this.timeout = settings.getLivenessTimeout();
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    List<String> stuck = new ArrayList<>();
    Optional<Duration> translating = loop.translatingFor();
    translating.filter(d -> d.compareTo(timeout) > 0).ifPresent(d -> stuck.add("a translation has been running for "
        + seconds(d) + ", longer than tollgate.liveness-timeout (" + seconds(timeout) + ")"));
    Optional<Provider> provider = loop.provider();
    boolean watching = provider.map(Provider::watching).orElse(false);
    provider.ifPresent(p -> {
      if (!p.watching()) {
        stuck.add(p.description() + " has stopped" + p.stoppedBy().map(t -> " (" + t + ")").orElse("")
            + "; input changes are no longer read");
      }
      p.busyFor().filter(d -> d.compareTo(timeout) > 0).ifPresent(d -> stuck.add("changes seen " + seconds(d)
          + " ago are not yet read and translated, longer than tollgate.liveness-timeout (" + seconds(timeout) + ")"));
    });
    healthStatus = stuck.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN;
    Map<String, Object> details = new TreeMap<>();
    details.put("translating", translating.isPresent());
    details.put("watching", watching);
    if (!stuck.isEmpty()) {
      details.put("stuck", stuck);
    }
    return details;
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  @Override
  protected String getName() {
    return "translationLoop";
  }
}

package dev.tollgate.serve.provider.kubernetes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** What the informers see, at {@code /metrics}: events by kind and type, and how long changes wait to be read. */
final class KubernetesMetrics {

  private final MeterRegistry registry;
  private final Timer lag;

  KubernetesMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.lag = Timer.builder("tollgate.kubernetes.read.lag")
        .description("Time from the first change an informer saw to the cluster's objects being read for translation")
        .register(registry);
  }

  /** An object was {@code added}, {@code updated} or {@code deleted} (resyncs that change nothing are not events). */
  void event(String kind, String type) {
    Counter.builder("tollgate.kubernetes.events").description("Informer events, resyncs excepted")
        .tag("kind", kind).tag("type", type).register(registry).increment();
  }

  void read(Duration waited) {
    lag.record(waited);
  }
}

package dev.tollgate.kubernetes.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code tollgate.status.writes}: each object handled, by kind and outcome. */
final class StatusWriteMetrics {

  /** What became of one object's status. */
  enum Outcome {
    /** The status was written. */
    WRITTEN,
    /** The live status already held what Tollgate wants: nothing written. */
    UNCHANGED,
    /** The object was deleted: its pending write is dropped. */
    GONE,
    /** Conflicts or errors of the API server on every attempt. */
    FAILED;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final MeterRegistry registry;

  StatusWriteMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void count(String kind, Outcome outcome) {
    Counter.builder("tollgate.status.writes").description("Objects whose status was handled, by outcome")
        .tag("kind", kind).tag("outcome", outcome.tag()).register(registry).increment();
  }

  /** Conflicts (HTTP 409) met while writing, each retried on the latest object. */
  void conflict(String kind) {
    Counter.builder("tollgate.status.conflicts").description("Status writes that met a newer object and were retried")
        .tag("kind", kind).register(registry).increment();
  }
}

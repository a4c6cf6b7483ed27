package dev.tollgate.kubernetes.infra;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code tollgate.infrastructure.applies{kind,outcome}} ({@code applied}, {@code failed},
 * {@code refused}: the API server refused the object as it is, so it is tried again only once its
 * rendering changes or at the next resync), {@code tollgate.infrastructure.deletes{kind,outcome}}
 * ({@code deleted}, {@code failed}), {@code tollgate.infrastructure.problems} (Gateways whose
 * infrastructure is kept as it runs because rendering it failed) and
 * {@code tollgate.infrastructure.passes{outcome}}.
 */
final class InfrastructureMetrics {

  private final MeterRegistry registry;
  private final AtomicInteger problems = new AtomicInteger();

  InfrastructureMetrics(MeterRegistry registry) {
    this.registry = registry;
    registry.gauge("tollgate.infrastructure.problems", problems);
  }

  void applied(String kind, String outcome) {
    Counter.builder("tollgate.infrastructure.applies").description("Server-side applies of proxy infrastructure, by outcome")
        .tag("kind", kind).tag("outcome", outcome).register(registry).increment();
  }

  void deleted(String kind, String outcome) {
    Counter.builder("tollgate.infrastructure.deletes").description("Deletions of proxy infrastructure no Gateway wants, by outcome")
        .tag("kind", kind).tag("outcome", outcome).register(registry).increment();
  }

  void pass(String outcome) {
    Counter.builder("tollgate.infrastructure.passes").description("Reconciliation passes over every Gateway's infrastructure")
        .tag("outcome", outcome).register(registry).increment();
  }

  void problems(int gateways) {
    problems.set(gateways);
  }
}

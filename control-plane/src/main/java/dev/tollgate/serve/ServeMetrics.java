package dev.tollgate.serve;

import dev.tollgate.translator.xds.XdsType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The daemon's own metrics, served at {@code /metrics} with the JVM's. */
@Singleton
public final class ServeMetrics {

  private final MeterRegistry registry;
  private final Timer translationDuration;
  private final Map<String, AtomicInteger> connected = new ConcurrentHashMap<>();
  private final AtomicInteger inputProblems = new AtomicInteger();
  private final AtomicInteger withheldGateways = new AtomicInteger();

  public ServeMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.translationDuration = Timer.builder("tollgate.translation.duration")
        .description("Time from reading inputs to publishing snapshots").register(registry);
    registry.gauge("tollgate.input.problems", inputProblems);
    registry.gauge("tollgate.gateways.withheld", withheldGateways);
  }

  /** The registry, for a provider's own metrics. */
  public MeterRegistry registry() {
    return registry;
  }

  public Timer translationDuration() {
    return translationDuration;
  }

  /** A translation finished: {@code ok}, or {@code failed} when it threw. */
  public void translated(String outcome) {
    Counter.builder("tollgate.translations").description("Translations run").tag("outcome", outcome)
        .register(registry).increment();
  }

  /** Gateways a translation generated anew, and those whose unchanged configuration it reused. */
  public void gatewaysGenerated(int regenerated, int reused) {
    Counter.builder("tollgate.gateways.generated").description("Gateways whose configuration a translation generated")
        .tag("outcome", "regenerated").register(registry).increment(regenerated);
    Counter.builder("tollgate.gateways.generated").description("Gateways whose configuration a translation generated")
        .tag("outcome", "reused").register(registry).increment(reused);
  }

  /** Resources a publication added, changed or removed, by type. */
  public void published(Map<XdsType, Integer> changed) {
    changed.forEach((type, n) -> Counter.builder("tollgate.resources.published")
        .description("Resources added, changed or removed by publications").tag("type", type.key())
        .register(registry).increment(n));
  }

  /** Documents or files with problems, and Gateways kept on their last good configuration, in the last translation. */
  public void lastTranslation(int problems, int withheld) {
    inputProblems.set(problems);
    withheldGateways.set(withheld);
  }

  public void proxyConnected(String gateway) {
    connected.computeIfAbsent(gateway, g -> {
      AtomicInteger n = new AtomicInteger();
      registry.gauge("tollgate.xds.connected.proxies", List.of(Tag.of("gateway", g)), n);
      return n;
    }).incrementAndGet();
  }

  public void proxyDisconnected(String gateway) {
    AtomicInteger n = connected.get(gateway);
    if (n != null) {
      n.decrementAndGet();
    }
  }

  public void pushed(String typeUrl) {
    Counter.builder("tollgate.xds.pushes").description("xDS responses sent").tag("type", shortType(typeUrl))
        .register(registry).increment();
  }

  public void nacked(String gateway, String typeUrl) {
    Counter.builder("tollgate.xds.nacks").description("xDS responses a proxy rejected")
        .tag("gateway", gateway).tag("type", shortType(typeUrl)).register(registry).increment();
  }

  private static String shortType(String typeUrl) {
    int dot = typeUrl.lastIndexOf('.');
    return dot < 0 ? typeUrl : typeUrl.substring(dot + 1);
  }
}

package dev.tollgate.benchmarks;

import dev.tollgate.app.Pipelines;
import dev.tollgate.serve.snapshot.GatewaySnapshots;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The serving side of a change alone: {@link GatewaySnapshots#publish} of a translation in which
 * one Gateway (gw-0, 1,000 of the 10,000 routes) was generated again because one of its routes
 * changed its hostname, the other nine reused. The two translations alternate, so every operation
 * publishes a changed Gateway whose encodings are new instances, most of them with equal content.
 * All clients are proxies of gw-0. {@code publish} times the call alone (the clients' ACKs are
 * awaited outside the measurement); {@code publishAndDeliver} until every client has ACKed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class PublishBenchmark {

  private static final String CHANGED = "bench/gw-0";

  @Param({"10000"})
  public int routes;

  @Param({"1", "1000"})
  public int clients;

  private final Map<String, GatewayXds>[] translations = new Map[2];
  private GatewaySnapshots snapshots;
  private AdsFleet fleet;
  private int current;
  private boolean awaitAfter;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    SyntheticEdits edits = new SyntheticEdits(SyntheticManifests.generate(routes, 10, 100));
    Pipeline pipeline = Pipelines.create(TranslatorConfig.offline());
    translations[0] = pipeline.run(edits.base(), List.of()).gateways();
    translations[1] = pipeline.run(edits.hostname(edits.base(), 0, true), List.of()).gateways();
    if (translations[0].get(CHANGED) == translations[1].get(CHANGED)
        || translations[0].get("bench/gw-1") != translations[1].get("bench/gw-1")) {
      throw new IllegalStateException("expected gw-0 generated again and the other Gateways reused");
    }
    snapshots = new GatewaySnapshots(Duration.ofSeconds(2));
    snapshots.publish(translations[0], Set.of());
    List<String> loadAssignments = translations[0].get(CHANGED).resources(XdsType.ENDPOINT).stream()
        .map(XdsType.ENDPOINT::nameOf).toList();
    fleet = new AdsFleet(snapshots::discoveryServer, Collections.nCopies(clients, CHANGED), g -> loadAssignments);
  }

  @Benchmark
  public Object publish() {
    current = 1 - current;
    awaitAfter = true;
    return snapshots.publish(translations[current], Set.of());
  }

  @TearDown(Level.Invocation)
  public void delivered() throws InterruptedException {
    if (awaitAfter) {
      awaitAfter = false;
      fleet.awaitRouteAcks(CHANGED, clients);
    }
  }

  @Benchmark
  public Object publishAndDeliver() throws InterruptedException {
    current = 1 - current;
    Object changes = snapshots.publish(translations[current], Set.of());
    fleet.awaitRouteAcks(CHANGED, clients);
    return changes;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    System.out.println("\nresponses received by all clients: " + fleet.received() + "; NACKs: " + fleet.nacks());
    fleet.close();
    snapshots.close();
  }
}

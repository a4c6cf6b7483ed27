package dev.tollgate.benchmarks;

import com.google.protobuf.ByteString;
import dev.tollgate.app.Pipelines;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * A change reaching every connected proxy: among 10,000 HTTPRoutes over 10 Gateways, one route of
 * Gateway gw-0 changes its hostname per operation (a different route each time, renamed and later
 * back); the operation translates the input (one pipeline, which reuses what did not change),
 * publishes, and ends when every client of gw-0 has received the new route configuration and its
 * ACK has reached the server. The clients are state-of-the-world ADS clients over loopback.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ServingBenchmark {

  private static final int GATEWAYS = 10;
  private static final String CHANGED = "bench/gw-0";

  @Param({"10000"})
  public int routes;

  @Param({"100"})
  public int clients;

  /** {@code changed}: every client is a proxy of the changed Gateway (the worst case); {@code even}: a tenth of them are. */
  @Param({"changed", "even"})
  public String spread;

  /** {@code tollgate}: Tollgate's snapshots; {@code simple}: java-control-plane's SimpleCache with whole new snapshots. */
  @Param({"tollgate", "simple"})
  public String cache;

  private SyntheticEdits edits;
  private ResourceSet input;
  private ResourceSet next;
  private final Set<Integer> renamed = new HashSet<>();
  private int changes;
  private Pipeline pipeline;
  private Servers servers;
  private AdsFleet fleet;
  private int changedClients;
  private Map<XdsType, Long> receivedBefore;
  private long opsMeasured;
  private final PhaseTimes phases = new PhaseTimes();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    edits = new SyntheticEdits(SyntheticManifests.generate(routes, GATEWAYS, 100));
    input = edits.base();
    pipeline = Pipelines.create(TranslatorConfig.offline());
    servers = Servers.of(cache);
    TranslationResult first = pipeline.run(input, List.of());
    servers.publish(first.gateways());
    GatewayXds changed = first.gateways().get(CHANGED);
    long bytes = 0;
    for (XdsType type : XdsType.values()) {
      bytes += changed.encodings(type).stream().mapToLong(ByteString::size).sum();
    }
    System.out.printf("%n%s: route configuration %,d bytes, all its resources %,d bytes%n", CHANGED,
        changed.encoded(XdsType.ROUTE, CHANGED + "/http").size(), bytes);
    List<String> gateways = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      gateways.add(spread.equals("changed") ? CHANGED : "bench/gw-" + i % GATEWAYS);
    }
    changedClients = (int) gateways.stream().filter(CHANGED::equals).count();
    fleet = new AdsFleet(servers::discoveryServer, gateways,
        g -> first.gateways().get(g).resources(XdsType.ENDPOINT).stream().map(XdsType.ENDPOINT::nameOf).toList());
  }

  @Setup(Level.Iteration)
  public void iteration(IterationParams params) {
    boolean measuring = params.getType() == IterationType.MEASUREMENT;
    if (measuring && receivedBefore == null) {
      receivedBefore = fleet.received();
    }
    phases.measuring(measuring);
  }

  /** The next change, made outside the measurement: a route of gw-0 (every tenth route), renamed or back. */
  @Setup(Level.Invocation)
  public void nextChange() throws Exception {
    int route = GATEWAYS * (int) ((changes++ * 37L) % (routes / GATEWAYS));
    boolean rename = renamed.add(route) || !renamed.remove(route);
    next = edits.hostname(input, route, rename);
  }

  @Benchmark
  public TranslationResult changeToAck() throws InterruptedException {
    long start = System.nanoTime();
    TranslationResult result = pipeline.run(next, List.of());
    long translated = System.nanoTime();
    servers.publish(result.gateways());
    long published = System.nanoTime();
    fleet.awaitRouteAcks(CHANGED, changedClients);
    long acked = System.nanoTime();
    input = next;
    if (receivedBefore != null) {
      opsMeasured++;
    }
    phases.add("translate", translated - start);
    phases.add("publish", published - translated);
    phases.add("publish to last ACK", acked - translated);
    return result;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    phases.print("phases (cache=" + cache + ", spread=" + spread + ", " + changedClients + " of " + clients
        + " clients on the changed Gateway):");
    Map<XdsType, Long> after = fleet.received();
    StringBuilder sent = new StringBuilder("  responses per change, all clients:");
    after.forEach((type, n) -> sent.append(' ').append(type.key()).append('=')
        .append(String.format("%.1f", (n - receivedBefore.get(type)) / (double) Math.max(1, opsMeasured))));
    System.out.println(sent + "; NACKs: " + fleet.nacks());
    fleet.close();
    servers.close();
  }
}

package dev.tollgate.benchmarks;

import dev.tollgate.app.Pipelines;
import dev.tollgate.serve.snapshot.GatewaySnapshots;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.xds.XdsType;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The heap a serving control plane retains: 10,000 HTTPRoutes over 10 Gateways, translated and
 * served to 100 connected proxies (ten per Gateway, in this JVM over loopback), measured after full
 * collections; then after each batch of random one-object changes (a route's hostname renamed or
 * back, one in five an endpoint of a Service moved or back), each translated, published and
 * delivered before the next. Not a JMH benchmark: its figures are heap sizes, printed as it goes.
 *
 * <p>{@code java -Xms2g -Xmx2g -cp benchmarks.jar dev.tollgate.benchmarks.ServingHeap [changes] [clients] [final-input]}:
 * with {@code final-input}, the changes are only applied to the input, and the figures are those
 * of a fresh start on the input they leave.
 */
public final class ServingHeap {

  private static final int ROUTES = 10_000;
  private static final int GATEWAYS = 10;
  private static final int SERVICES = 100;

  public static void main(String[] args) throws Exception {
    int changes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    boolean finalInput = args.length > 2 && args[2].equals("final-input");
    long jvm = usedAfterGc();
    SyntheticEdits edits = new SyntheticEdits(SyntheticManifests.generate(ROUTES, GATEWAYS, SERVICES));
    ResourceSet input = edits.base();
    if (finalInput) {
      // The comparison: the same changes applied to the input only, then a fresh start on the
      // result, so what the changes made the input itself grow is told apart from what serving kept.
      ChangeSequence sequence = new ChangeSequence(edits);
      for (int i = 1; i <= changes; i++) {
        input = sequence.next(input);
      }
      System.out.printf("a fresh start on the input as %d changes leave it:%n", changes);
      changes = 0;
    }
    long read = usedAfterGc();
    Pipeline pipeline = Pipelines.create(TranslatorConfig.offline());
    TranslationResult first = pipeline.run(input, List.of());
    try (GatewaySnapshots snapshots = new GatewaySnapshots(Duration.ofMillis(500))) {
      snapshots.publish(first.gateways(), Set.of());
      long published = usedAfterGc();
      List<String> gateways = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        gateways.add("bench/gw-" + i % GATEWAYS);
      }
      Map<String, List<String>> loadAssignments = new java.util.HashMap<>();
      first.gateways().forEach((g, xds) -> loadAssignments.put(g,
          xds.resources(XdsType.ENDPOINT).stream().map(XdsType.ENDPOINT::nameOf).toList()));
      first = null;
      try (AdsFleet fleet = new AdsFleet(snapshots::discoveryServer, gateways, loadAssignments::get)) {
        fleet.awaitQuiet();
        long start = usedAfterGc();
        System.out.printf("heap used after full GC: JVM alone %s; + input read %s; + translated and published %s;"
            + " + %d proxies connected %s%n", mib(jvm), mib(read), mib(published), clients, mib(start));
        ChangeSequence sequence = new ChangeSequence(edits);
        long began = System.nanoTime();
        int step = Math.max(1, changes / 10);
        for (int i = 1; i <= changes; i++) {
          input = sequence.next(input);
          snapshots.publish(pipeline.run(input, List.of()).gateways(), Set.of());
          fleet.awaitQuiet();
          if (i % step == 0) {
            long used = usedAfterGc();
            System.out.printf("after %d changes (%.0f ms each): %s, %+.1f%% of the start%n", i,
                (System.nanoTime() - began) / 1e6 / i, mib(used), 100.0 * (used - start) / start);
          }
        }
        System.out.println("responses received by all clients: " + fleet.received() + "; NACKs: " + fleet.nacks());
      }
    }
  }

  /** The random changes, the same sequence every run: four in five a hostname, one in five an endpoint. */
  private static final class ChangeSequence {
    private final SyntheticEdits edits;
    private final Random random = new Random(42);
    private final Set<Integer> renamed = new HashSet<>();
    private final Set<Integer> moved = new HashSet<>();

    ChangeSequence(SyntheticEdits edits) {
      this.edits = edits;
    }

    ResourceSet next(ResourceSet input) throws Exception {
      if (random.nextInt(5) == 0) {
        int s = random.nextInt(SERVICES);
        return edits.endpoint(input, s, moved.add(s) || !moved.remove(s));
      }
      int r = random.nextInt(ROUTES);
      return edits.hostname(input, r, renamed.add(r) || !renamed.remove(r));
    }
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String mib(long bytes) {
    return String.format("%.1f MiB", bytes / 1048576.0);
  }
}

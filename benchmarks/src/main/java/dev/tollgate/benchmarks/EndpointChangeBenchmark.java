package dev.tollgate.benchmarks;

import dev.tollgate.app.Pipelines;
import dev.tollgate.serve.snapshot.GatewaySnapshots;
import dev.tollgate.serve.snapshot.PublishedChanges;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.xds.XdsType;
import java.time.Duration;
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
 * A pod rolls: one EndpointSlice's address changes among N HTTPRoutes over 10 Gateways (the
 * Service is a backend of N/50 routes, on every Gateway). Each operation translates the changed
 * input and publishes the snapshots, as {@code serve} does after the provider hands the change
 * over; the provider hands the unchanged objects over as they were, which this input models by
 * sharing them between the two inputs. Setup checks that a publication changes load assignments
 * and nothing else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EndpointChangeBenchmark {

  private static final String SLICE = """
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: svc-7-1
        namespace: bench
        labels: {kubernetes.io/service-name: svc-7}
      addressType: IPv4
      ports: [{name: http, port: 8080}]
      endpoints:
        - addresses: [10.0.7.1]
        - addresses: [10.0.7.2]
        - addresses: [10.0.7.%d]
      """;

  @Param({"1000", "10000"})
  public int routes;

  /** {@code true}: one pipeline, the fast path. {@code false}, the baseline: a new pipeline for every change. */
  @Param({"true", "false"})
  public boolean reuse;

  private final ResourceSet[] inputs = new ResourceSet[2];
  private Pipeline pipeline;
  private GatewaySnapshots snapshots;
  private int current;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    ManifestReader reader = new ManifestReader().readString("synthetic.yaml", SyntheticManifests.generate(routes, 10, 100));
    inputs[0] = reader.resources();
    inputs[1] = ChangedInputs.replacing(inputs[0], String.format(SLICE, 99));
    pipeline = Pipelines.create(TranslatorConfig.offline());
    snapshots = new GatewaySnapshots(Duration.ofSeconds(2));
    publish(0);
    PublishedChanges changes = publish(1);
    if (reuse && !changes.resources().keySet().equals(Set.of(XdsType.ENDPOINT))) {
      throw new IllegalStateException("an endpoint change published more than load assignments: " + changes);
    }
    System.out.printf("%none EndpointSlice changed: %s%n", changes);
  }

  @Setup(Level.Invocation)
  public void freshPipeline() {
    if (!reuse) {
      pipeline = Pipelines.create(TranslatorConfig.offline());
    }
  }

  private PublishedChanges publish(int which) {
    TranslationResult result = pipeline.run(inputs[which], List.of());
    return snapshots.publish(result.gateways(), Set.of());
  }

  /** Translate the input with the other address and publish what changed. */
  @Benchmark
  public Map<XdsType, Integer> changeEndpoint() {
    current = 1 - current;
    return publish(current).resources();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    snapshots.close();
  }
}

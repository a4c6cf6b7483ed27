package dev.tollgate.benchmarks;

import dev.tollgate.app.Pipelines;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.gateway.GatewayStage;
import dev.tollgate.translator.validate.XdsValidator;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsStage;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Translating HTTPRoutes (two matches, two weighted backends each) spread over 10 Gateways into
 * Envoy resources: the whole pipeline {@code tollgate translate} runs, from parsed objects to the
 * per-Gateway xDS, with every output stage. Reading YAML is not part of the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TranslationBenchmark {

  @Param({"100", "1000", "10000"})
  public int routes;

  private ResourceSet resources;
  private Pipeline pipeline;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    ManifestReader reader = new ManifestReader().readString("synthetic.yaml", SyntheticManifests.generate(routes, 10, 100));
    if (!reader.problems().isEmpty()) {
      throw new IllegalStateException("synthetic input has problems: " + reader.problems());
    }
    resources = reader.resources();
    pipeline = Pipelines.create(TranslatorConfig.offline());
    TranslationResult check = pipeline.run(resources, List.of());
    int routeCount = check.gateways().values().stream()
        .mapToInt(g -> g.resources(dev.tollgate.translator.xds.XdsType.CLUSTER).size()).sum();
    if (routeCount != routes) {
      throw new IllegalStateException("expected " + routes + " clusters, got " + routeCount);
    }
  }

  /** Everything translate does: both stages, then validation. */
  @Benchmark
  public TranslationResult translate() {
    return pipeline.run(resources, List.of());
  }

  /** Gateway stage and xDS stage only, without validation. */
  @Benchmark
  public Map<String, GatewayXds> generate() {
    return new XdsStage().translate(new GatewayStage(TranslatorConfig.offline()).run(resources).ir());
  }

  /**
   * The generated resources, made once per trial for {@link #validate}; kept in a state of their
   * own so the other benchmarks do not carry them as live data through every collection.
   */
  @State(Scope.Benchmark)
  public static class Generated {
    Map<String, GatewayXds> gateways;
    final XdsValidator validator = new XdsValidator();

    @Setup(Level.Trial)
    public void setUp(TranslationBenchmark benchmark) {
      gateways = benchmark.generate();
    }
  }

  /** Validation alone (Envoy's PGV rules and cross references) of the generated resources. */
  @Benchmark
  public int validate(Generated generated) {
    int violations = 0;
    for (GatewayXds gateway : generated.gateways.values()) {
      violations += generated.validator.validate(gateway).size();
    }
    if (violations != 0) {
      throw new IllegalStateException(violations + " violations");
    }
    return violations;
  }
}

package dev.tollgate.benchmarks;

import com.google.protobuf.Message;
import dev.tollgate.app.Pipelines;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
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
 * A full translation of the secured input (every Gateway with JWT authentication and OPA
 * ext_authz), by a new pipeline each time so nothing is reused, beside the floor no translator can
 * beat: serializing the same output to protobuf, every resource of every Gateway once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 6, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SecuredTranslationBenchmark {

  @Param({"10000"})
  public int routes;

  private ResourceSet resources;
  private Map<String, GatewayXds> output;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    resources = SyntheticEdits.read("secured.yaml", SyntheticManifests.generate(routes, 10, 100, true));
    TranslationResult result = translate();
    output = result.gateways();
    long secured = output.values().stream().filter(g -> g.resources(XdsType.CLUSTER).size() > routes / 10).count();
    if (output.size() != 10 || secured != 10 || !result.problems().isEmpty()) {
      throw new IllegalStateException("expected 10 secured Gateways, got " + output.size() + " (" + secured
          + " with policy clusters), problems: " + result.problems());
    }
  }

  /** Everything {@code translate} does, from admitted objects, with nothing kept from an earlier run. */
  @Benchmark
  public TranslationResult translate() {
    return Pipelines.create(TranslatorConfig.offline()).run(resources, List.of());
  }

  /** Serializing the output alone: every resource of every Gateway, once. */
  @Benchmark
  public long serialize() {
    long bytes = 0;
    for (GatewayXds gateway : output.values()) {
      for (XdsType type : XdsType.values()) {
        for (Message m : gateway.resources(type)) {
          bytes += m.toByteString().size();
        }
      }
    }
    return bytes;
  }
}

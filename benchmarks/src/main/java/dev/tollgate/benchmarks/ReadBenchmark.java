package dev.tollgate.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.tollgate.translator.extension.ExtensionKinds;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.input.ReadLimits;
import dev.tollgate.translator.input.yaml.YamlDocuments;
import dev.tollgate.translator.json.Mappers;
import java.io.IOException;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading manifests: what checking every object at the boundary costs, and that reading is linear
 * in the input's length. Baselines in the same run: parsing the same text without admission, and
 * Jackson's own YAML reader (which reads through SnakeYAML's window-copying StreamReader).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ReadBenchmark {

  private static final ReadLimits GENEROUS = new ReadLimits(64 * ReadLimits.MIB, (int) (32 * ReadLimits.MIB), 100);

  /** The synthetic input of TranslationBenchmark: HTTPRoutes over 10 Gateways and 100 Services. */
  @State(Scope.Benchmark)
  public static class Routes {
    @Param({"100", "1000", "10000"})
    public int routes;

    String text;

    @Setup(Level.Trial)
    public void setUp() {
      text = SyntheticManifests.generate(routes, 10, 100);
    }
  }

  /** One ConfigMap holding a single quoted string of the given size. */
  @State(Scope.Benchmark)
  public static class LongScalar {
    /** Jackson's default reader refuses documents over 3 MiB, so the sizes stay below. */
    @Param({"512", "1024", "2048"})
    public int kibibytes;

    String text;

    @Setup(Level.Trial)
    public void setUp() {
      text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  k: \"" + "a".repeat(kibibytes * 1024) + "\"\n";
    }
  }

  /** What translate reads: parse, admit (schema, defaults, CEL rules) and bind every object. */
  @Benchmark
  public ManifestReader readAndAdmit(Routes input) throws Exception {
    return new ManifestReader(ExtensionKinds.NONE, GENEROUS).readString("synthetic.yaml", input.text);
  }

  /** Baseline: the same text parsed into trees only. */
  @Benchmark
  public void parseOnly(Routes input, Blackhole sink) throws IOException {
    parse(YamlDocuments.forLimits(GENEROUS).documents(input.text), sink);
  }

  @Benchmark
  public void longScalarLinearReader(LongScalar input, Blackhole sink) throws IOException {
    parse(YamlDocuments.forLimits(GENEROUS).documents(input.text), sink);
  }

  /** Baseline: Jackson's YAML reader, as Tollgate read manifests before. */
  @Benchmark
  public void longScalarJacksonReader(LongScalar input, Blackhole sink) throws IOException {
    parse(Mappers.yaml().readerFor(JsonNode.class).readValues(input.text), sink);
  }

  private static void parse(MappingIterator<JsonNode> docs, Blackhole sink) throws IOException {
    try (docs) {
      while (docs.hasNextValue()) {
        sink.consume(docs.nextValue());
      }
    }
  }
}

package dev.tollgate.benchmarks;

import dev.tollgate.app.Pipelines;
import dev.tollgate.example.extension.ExampleExtensionServer;
import dev.tollgate.extension.Extension;
import dev.tollgate.extension.config.ExtensionConfigLoader;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.grpc.Server;
import java.util.List;
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
 * The whole translation with the example extension server's five hooks, over gRPC on loopback in
 * the same JVM: every HTTPRoute's rule names an extension object, so each of its two Envoy routes
 * goes through the route hook, each virtual host and listener through theirs, and each of the 10
 * Gateways through the translation hook. Compare with {@link TranslationBenchmark#translate}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ExtensionHookBenchmark {

  private static final String FILTER = "      filters: [{type: ExtensionRef, extensionRef: "
      + "{group: example.tollgate.dev, kind: ResponseHeader, name: team}}]\n      backendRefs:\n";
  private static final String HEADER = """
      ---
      apiVersion: example.tollgate.dev/v1alpha1
      kind: ResponseHeader
      metadata: {name: team, namespace: bench}
      spec: {name: x-team, value: payments}
      """;

  @Param({"100", "1000"})
  public int routes;

  private Server server;
  private Extension extension;
  private ResourceSet resources;
  private Pipeline pipeline;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    server = ExampleExtensionServer.start("127.0.0.1", 0);
    extension = Extension.connect(ExtensionConfigLoader.parse("benchmark", Mappers.yaml().readTree("""
        resources: [{group: example.tollgate.dev, version: v1alpha1, kind: ResponseHeader}]
        hooks: {xdsTranslator: {post: [Route, VirtualHost, HTTPListener, Cluster, Translation]}}
        service: {ip: {address: 127.0.0.1, port: %d}}
        """.formatted(server.getPort())), null));
    String manifests = SyntheticManifests.generate(routes, 10, 100).replace("      backendRefs:\n", FILTER) + HEADER;
    ManifestReader reader = new ManifestReader(extension.kinds()).readString("synthetic.yaml", manifests);
    if (!reader.problems().isEmpty()) {
      throw new IllegalStateException("synthetic input has problems: " + reader.problems());
    }
    resources = reader.resources();
    pipeline = Pipelines.create(TranslatorConfig.offline(), extension);
    TranslationResult check = pipeline.run(resources, List.of());
    long headed = check.gateways().values().stream()
        .flatMap(g -> g.resources(XdsType.ROUTE).stream())
        .flatMap(rc -> ((RouteConfiguration) rc).getVirtualHostsList().stream())
        .flatMap(vh -> vh.getRoutesList().stream())
        .filter(r -> r.getResponseHeadersToAddCount() > 0 && r.getResponseHeadersToAdd(0).getHeader().getKey().equals("x-team"))
        .count();
    if (!check.problems().isEmpty() || headed != 2L * routes) {
      throw new IllegalStateException("hooks did not apply to every route (" + headed + "): " + check.problems());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    extension.close();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Benchmark
  public TranslationResult translateWithHooks() {
    return pipeline.run(resources, List.of());
  }
}

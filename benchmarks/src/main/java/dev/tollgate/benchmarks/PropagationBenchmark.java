package dev.tollgate.benchmarks;

import dev.tollgate.app.Pipelines;
import dev.tollgate.serve.snapshot.GatewaySnapshots;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.controlplane.server.DiscoveryServerCallbacks;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
 * A change reaching a proxy: one route's hostname changes among N HTTPRoutes over 10 Gateways;
 * the whole input is translated again, every changed Gateway's snapshot published, and the time is taken
 * until a connected ADS client of the changed route's Gateway holds the new route configuration
 * (and has ACKed it). The trial also reports the heap the served snapshots retain.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PropagationBenchmark {

  private static final String GATEWAY = "bench/gw-0";
  private static final String ROUTE_CONFIG = "bench/gw-0/http";

  @Param({"100", "1000", "10000"})
  public int routes;

  /**
   * {@code true}: one pipeline, which reuses an unchanged Gateway's configuration. {@code false},
   * the baseline: a new pipeline for every change, which generates, validates and publishes every
   * Gateway again.
   */
  @Param({"true", "false"})
  public boolean reuse;

  /**
   * {@code true}: the changed input shares every unchanged object with the first, as both
   * providers hand them over. {@code false}: the changed input is read whole again, every object
   * a new instance (as runs before the providers kept unchanged objects did).
   */
  @Param({"true", "false"})
  public boolean shared;

  private final ResourceSet[] inputs = new ResourceSet[2];
  private Pipeline pipeline;
  private GatewaySnapshots snapshots;
  private Server server;
  private ManagedChannel channel;
  private StreamObserver<DiscoveryRequest> stream;
  private final BlockingQueue<DiscoveryResponse> responses = new LinkedBlockingQueue<>();
  private int current;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String manifests = SyntheticManifests.generate(routes, 10, 100);
    inputs[0] = read(manifests);
    String renamed = manifests.replace("hostnames: [host-0.example.com]", "hostnames: [renamed-0.example.com]");
    inputs[1] = shared ? ChangedInputs.replacing(inputs[0], ChangedInputs.document(renamed, "renamed-0.example.com"))
        : read(renamed);
    pipeline = Pipelines.create(TranslatorConfig.offline());
    snapshots = new GatewaySnapshots(Duration.ofSeconds(2));
    long before = usedHeapAfterGc();
    publish(0);
    long retained = usedHeapAfterGc() - before;
    System.out.printf("%nserved snapshots for %d routes retain %.1f MB of heap (%.1f KB per route)%n",
        routes, retained / 1048576.0, retained / 1024.0 / routes);
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(snapshots.discoveryServer(List.<DiscoveryServerCallbacks>of()).getAggregatedDiscoveryServiceImpl())
        .build().start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    stream = AggregatedDiscoveryServiceGrpc.newStub(channel).streamAggregatedResources(new StreamObserver<>() {
      @Override
      public void onNext(DiscoveryResponse r) {
        responses.add(r);
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    });
    stream.onNext(request("", ""));
    ack(next());
  }

  private static ResourceSet read(String manifests) throws Exception {
    ManifestReader reader = new ManifestReader().readString("synthetic.yaml", manifests);
    if (!reader.problems().isEmpty()) {
      throw new IllegalStateException(reader.problems().toString());
    }
    return reader.resources();
  }

  @Setup(Level.Invocation)
  public void freshPipeline() {
    if (!reuse) {
      pipeline = Pipelines.create(TranslatorConfig.offline());
    }
  }

  private void publish(int which) {
    TranslationResult result = pipeline.run(inputs[which], List.of());
    snapshots.publish(result.gateways(), Set.of());
  }

  private static DiscoveryRequest request(String version, String nonce) {
    return DiscoveryRequest.newBuilder().setNode(Node.newBuilder().setId("bench").setCluster(GATEWAY))
        .setTypeUrl(XdsType.ROUTE.typeUrl()).addResourceNames(ROUTE_CONFIG)
        .setVersionInfo(version).setResponseNonce(nonce).build();
  }

  private DiscoveryResponse next() throws InterruptedException {
    DiscoveryResponse r = responses.poll(30, TimeUnit.SECONDS);
    if (r == null) {
      throw new IllegalStateException("no route configuration arrived");
    }
    return r;
  }

  private void ack(DiscoveryResponse r) {
    stream.onNext(request(r.getVersionInfo(), r.getNonce()));
  }

  /** Translate the changed input, publish, and wait until the proxy has the new route configuration. */
  @Benchmark
  public String propagate() throws InterruptedException {
    current = 1 - current;
    publish(current);
    DiscoveryResponse r = next();
    ack(r);
    return r.getVersionInfo();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    stream.onCompleted();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    snapshots.close();
  }
}

package dev.tollgate.benchmarks;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.tollgate.serve.TranslationLoop;
import dev.tollgate.serve.xds.XdsServer;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
 * A change reaching a proxy through {@code serve}, from outside: the daemon runs in the benchmark
 * JVM with the file provider on a directory holding the secured synthetic input (N HTTPRoutes over
 * 10 Gateways with JWT and ext_authz, 100 Services), one file per object, and its default
 * debounce. A state-of-the-world ADS client connected as a proxy of {@code bench/gw-0} asks for
 * every type in Envoy's order and ACKs every response. One operation edits one file and ends when
 * the client has the result: a route's hostname, or its path prefix, until the new route
 * configuration arrives; an EndpointSlice's address, until the new load assignment arrives. Responses that follow within
 * {@link #QUIET} are counted with the change; the trial prints how many of each type a change
 * pushed, and the latencies taken at the gRPC callback.
 *
 * <p>Proxy authentication is off ({@code tollgate.proxy-auth=none}): the client names its
 * Gateway in its node, as a file-mode proxy without certificates does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 15)
@Measurement(iterations = 3, time = 30)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Dorg.slf4j.simpleLogger.log.dev.tollgate.serve.TranslationLoop=warn"})
public class ServeLatencyBenchmark {

  private static final String GATEWAY = "bench/gw-0";
  /** route-0 is attached to gw-0, and svc-0 is one of its backends. */
  private static final String ROUTE_FILE = "httproute-route-0.yaml";
  private static final String SLICE_FILE = "endpointslice-svc-0-1.yaml";
  /** How long nothing must arrive after a change's awaited response before the next change. */
  private static final long QUIET_MS = 300;
  private static final long WAIT_S = 30;

  @Param({"10000"})
  public int routes;

  private Path dir;
  private ApplicationContext serve;
  private AdsProxy proxy;
  private String routeYaml;
  private String sliceYaml;
  private int change;
  private long wroteAt;
  private boolean measuring;
  private final PushTally tally = new PushTally();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = ManifestDirectory.write(SyntheticManifests.generate(routes, 10, 100, true));
    routeYaml = Files.readString(dir.resolve(ROUTE_FILE));
    sliceYaml = Files.readString(dir.resolve(SLICE_FILE));
    Map<String, Object> p = new HashMap<>();
    p.put("micronaut.server.port", -1);
    p.put("tollgate.resources", List.of(dir.toString()));
    p.put("tollgate.xds-address", "127.0.0.1:0");
    p.put("tollgate.proxy-auth", "none");
    p.put("tollgate.enable-backend", true);
    serve = ApplicationContext.run(p);
    TranslationLoop loop = serve.getBean(TranslationLoop.class);
    await(() -> loop.last().isPresent(), "the first translation");
    if (loop.last().get().gateways().size() != 10) {
      throw new IllegalStateException("not every Gateway is served: " + loop.lastProblems());
    }
    proxy = new AdsProxy(serve.getBean(XdsServer.class).boundAddress(), GATEWAY);
    proxy.start();
    for (XdsType type : List.of(XdsType.CLUSTER, XdsType.ENDPOINT, XdsType.LISTENER, XdsType.ROUTE)) {
      await(() -> proxy.last(type) != null, "the proxy's first " + type.label());
    }
  }

  @Setup(Level.Iteration)
  public void iteration(IterationParams params) {
    measuring = params.getType() == IterationType.MEASUREMENT;
  }

  /** Counts what arrives until the stream is quiet: the rest of the previous change's pushes. */
  @Setup(Level.Invocation)
  public void settle() throws InterruptedException {
    for (AdsProxy.Arrival a; (a = proxy.next(QUIET_MS, TimeUnit.MILLISECONDS)) != null; ) {
      counted(a);
    }
  }

  @Benchmark
  public void routeChange() throws Exception {
    String host = "renamed-" + (++change) + ".example.com";
    edit(ROUTE_FILE, routeYaml.replace("host-0.example.com", host));
    awaitPush(XdsType.ROUTE, r -> hasDomain(r, host));
  }

  /** A change inside one route that leaves every name as it is (a path prefix). */
  @Benchmark
  public void routePathChange() throws Exception {
    String prefix = "/api/0-" + (++change);
    edit(ROUTE_FILE, routeYaml.replace("value: /api/0}", "value: " + prefix + "}"));
    awaitPush(XdsType.ROUTE, r -> hasPrefix(r, prefix));
  }

  @Benchmark
  public void endpointChange() throws Exception {
    String address = "10.1." + (++change / 250) + "." + (change % 250);
    edit(SLICE_FILE, sliceYaml.replace("[10.0.0.1]", "[" + address + "]"));
    awaitPush(XdsType.ENDPOINT, r -> hasAddress(r, address));
  }

  private void edit(String file, String text) throws Exception {
    if (measuring) {
      tally.changed();
    }
    wroteAt = System.nanoTime();
    Files.writeString(dir.resolve(file), text);
  }

  private interface Check {
    boolean test(DiscoveryResponse r) throws InvalidProtocolBufferException;
  }

  /** Waits for a response of the type that shows the change; every response on the way is counted with it. */
  private void awaitPush(XdsType type, Check shows) throws Exception {
    for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S); System.nanoTime() < deadline; ) {
      AdsProxy.Arrival a = proxy.next(1, TimeUnit.SECONDS);
      if (a == null) {
        continue;
      }
      counted(a);
      if (a.type() == type && shows.test(a.response())) {
        if (measuring) {
          tally.latency(a.nanos() - wroteAt);
        }
        return;
      }
    }
    throw new IllegalStateException("no " + type.label() + " showing the change within " + WAIT_S + " s");
  }

  private void counted(AdsProxy.Arrival a) {
    if (measuring) {
      tally.pushed(a.type());
    }
  }

  private static boolean hasDomain(DiscoveryResponse r, String host) throws InvalidProtocolBufferException {
    for (Any any : r.getResourcesList()) {
      for (VirtualHost vh : any.unpack(RouteConfiguration.class).getVirtualHostsList()) {
        if (vh.getDomainsList().contains(host)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasPrefix(DiscoveryResponse r, String prefix) throws InvalidProtocolBufferException {
    for (Any any : r.getResourcesList()) {
      for (VirtualHost vh : any.unpack(RouteConfiguration.class).getVirtualHostsList()) {
        for (Route route : vh.getRoutesList()) {
          if (route.getMatch().getPathSeparatedPrefix().equals(prefix) || route.getMatch().getPrefix().equals(prefix)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean hasAddress(DiscoveryResponse r, String address) throws InvalidProtocolBufferException {
    for (Any any : r.getResourcesList()) {
      for (LocalityLbEndpoints locality : any.unpack(ClusterLoadAssignment.class).getEndpointsList()) {
        for (LbEndpoint e : locality.getLbEndpointsList()) {
          if (e.getEndpoint().getAddress().getSocketAddress().getAddress().equals(address)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    for (long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5); !condition.getAsBoolean(); Thread.sleep(50)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    settle();
    System.out.println();
    System.out.println(tally.summary());
    proxy.close();
    serve.close();
    ManifestDirectory.delete(dir);
  }

  /** The measured changes: how long each took to arrive, and what each pushed. */
  static final class PushTally {
    private final List<Long> latencies = new ArrayList<>();
    private final Map<XdsType, Integer> pushes = new EnumMap<>(XdsType.class);
    private int changes;

    void changed() {
      changes++;
    }

    void pushed(XdsType type) {
      pushes.merge(type, 1, Integer::sum);
    }

    void latency(long nanos) {
      latencies.add(nanos);
    }

    String summary() {
      List<Long> sorted = latencies.stream().sorted().toList();
      StringBuilder s = new StringBuilder("measured changes: " + changes + "; edit to arrival at the client (ms): ");
      if (!sorted.isEmpty()) {
        s.append(String.format("p50 %.1f, p99 %.1f, max %.1f", ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.99)),
            ms(sorted.get(sorted.size() - 1))));
      }
      s.append("\npushes per change:");
      for (XdsType type : XdsType.values()) {
        s.append(String.format(" %s %.2f", type.key(), changes == 0 ? 0.0 : pushes.getOrDefault(type, 0) / (double) changes));
      }
      return s.toString();
    }

    private static long percentile(List<Long> sorted, double p) {
      return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
      return nanos / 1e6;
    }
  }
}

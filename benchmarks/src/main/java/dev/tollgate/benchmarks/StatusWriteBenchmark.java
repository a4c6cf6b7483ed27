package dev.tollgate.benchmarks;

import dev.tollgate.kubernetes.status.StatusWriteBack;
import dev.tollgate.serve.TranslationLoop;
import dev.tollgate.translator.status.ObjectStatus;
import dev.tollgate.translator.status.RouteStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Statuses of a burst of routes: {@code serve --provider kubernetes} runs against fabric8's mock
 * API server (CRUD mode, the Gateway API CRDs installed) holding 10 Gateways and 100 Services;
 * the operation creates N HTTPRoutes through the API (four clients at once) and ends when every
 * route's status is written. Each iteration starts from a fresh cluster and daemon. The
 * auxiliary counters are the status writes (PUTs to a status subresource) and reads (GETs of
 * single objects) the API server received during the operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class StatusWriteBenchmark {

  private static final List<String> CRDS = List.of("gatewayclasses", "gateways", "httproutes", "grpcroutes",
      "referencegrants");
  private static final Duration WAIT = Duration.ofMinutes(2);

  @Param({"1000"})
  public int routes;

  /**
   * {@code tollgate}: the daemon writes the statuses. {@code direct}, the baseline: no daemon; the
   * operation creates the same routes and then puts one status on each itself, eight at once (the
   * daemon's concurrency), so what remains is the API server's own cost.
   */
  @Param({"tollgate", "direct"})
  public String writer;

  /** What the API server received during one operation. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Requests {
    public long statusWrites;
    public long objectReads;

    @Setup(Level.Iteration)
    public void clear() {
      statusWrites = 0;
      objectReads = 0;
    }
  }

  private KubernetesMockServer api;
  private NamespacedKubernetesClient client;
  private ApplicationContext serve;
  private Path kubeconfig;
  private List<String> routeYamls;
  private ExecutorService creators;
  /** The routes as created (with their resourceVersions): the baseline writes their statuses without reading them. */
  private final List<HasMetadata> createdRoutes = java.util.Collections.synchronizedList(new ArrayList<>());

  @Setup(Level.Iteration)
  public void setUp() throws Exception {
    java.util.logging.Logger.getLogger(MockWebServer.class.getName()).setLevel(java.util.logging.Level.WARNING);
    api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
    api.init(InetAddress.getLoopbackAddress(), 0);
    client = api.createClient();
    for (String crd : CRDS) {
      try (InputStream in = getClass().getResourceAsStream(
          "/dev/tollgate/translator/admission/schemas/gateway.networking.k8s.io_" + crd + ".yaml")) {
        CustomResourceDefinition d = client.apiextensions().v1().customResourceDefinitions().load(in).item();
        client.apiextensions().v1().customResourceDefinitions().resource(d).create();
      }
    }
    String manifests = SyntheticManifests.generate(routes, 10, 100);
    int firstRoute = manifests.indexOf("---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute");
    create(manifests.substring(0, firstRoute));
    routeYamls = List.of(manifests.substring(firstRoute + 4).split("\n---\n"));
    kubeconfig = Files.createTempFile("tollgate-bench-kubeconfig", ".yaml");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters: [{name: mock, cluster: {server: "%s"}}]
        users: [{name: tollgate, user: {token: bench}}]
        contexts: [{name: mock, context: {cluster: mock, user: tollgate}}]
        current-context: mock
        """.formatted(api.url("/")));
    Map<String, Object> p = new HashMap<>();
    p.put("micronaut.server.port", -1);
    p.put("tollgate.provider", "kubernetes");
    p.put("tollgate.kubeconfig", kubeconfig.toString());
    p.put("tollgate.xds-address", "127.0.0.1:0");
    p.put("tollgate.proxy-auth", "none");
    p.put("tollgate.leader-election.namespace", "tollgate");
    p.put("tollgate.leader-election.retry-period", "200ms");
    creators = Executors.newFixedThreadPool(8);
    if (writer.equals("direct")) {
      return;
    }
    serve = ApplicationContext.run(p);
    await(() -> serve.getBean(StatusWriteBack.class).leading() && serve.getBean(TranslationLoop.class).last().isPresent(),
        "the daemon leads and has translated");
    if (!serve.getBean(StatusWriteBack.class).awaitWritten(WAIT)) {
      throw new IllegalStateException("the Gateways' first statuses were not written");
    }
    drainRequests(new Requests());
  }

  @Benchmark
  public void createRoutesUntilStatusesWritten(Requests requests) throws Exception {
    createdRoutes.clear();
    List<Future<?>> created = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int first = t;
      created.add(creators.submit(() -> {
        for (int i = first; i < routeYamls.size(); i += 4) {
          createdRoutes.addAll(create(routeYamls.get(i)));
        }
        return null;
      }));
    }
    for (Future<?> f : created) {
      f.get();
    }
    if (writer.equals("direct")) {
      writeStatusesDirectly();
      drainRequests(requests);
      return;
    }
    TranslationLoop loop = serve.getBean(TranslationLoop.class);
    await(() -> loop.last().map(r -> acceptedRoutes(r.statuses())).orElse(0L) == routes, "every route translated");
    if (!serve.getBean(StatusWriteBack.class).awaitWritten(WAIT)) {
      throw new IllegalStateException("statuses not written within " + WAIT);
    }
    drainRequests(requests);
  }

  @TearDown(Level.Iteration)
  public void tearDown() throws Exception {
    // The operation counts only if the cluster holds every route's status.
    long withStatus = client.genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute").inNamespace("bench")
        .list().getItems().stream().filter(StatusWriteBenchmark::hasParentStatus).count();
    creators.shutdownNow();
    if (serve != null) {
      serve.close();
      serve = null;
    }
    client.close();
    try {
      api.destroy();
    } catch (IllegalStateException e) {
      // The mock waits a while for open keep-alive connections; the next iteration starts a new one.
    }
    Files.deleteIfExists(kubeconfig);
    if (withStatus != routes) {
      throw new IllegalStateException(withStatus + " of " + routes + " routes have a status");
    }
  }

  /** The baseline's writes: one Accepted parent status on every route as created, eight at once. */
  private void writeStatusesDirectly() throws Exception {
    var op = client.genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute").inNamespace("bench");
    List<Future<?>> written = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int first = t;
      written.add(creators.submit(() -> {
        for (int i = first; i < createdRoutes.size(); i += 8) {
          GenericKubernetesResource route = client.getKubernetesSerialization().convertValue(createdRoutes.get(i),
              GenericKubernetesResource.class);
          route.getAdditionalProperties().put("status", Map.of("parents", List.of(Map.of(
              "parentRef", Map.of("name", "gw-0"), "controllerName", "tollgate.dev/gatewayclass-controller",
              "conditions", List.of(Map.of("type", "Accepted", "status", "True", "reason", "Accepted", "message", "",
                  "observedGeneration", 1, "lastTransitionTime", "2026-01-01T00:00:00Z"))))));
          op.resource(route).updateStatus();
        }
        return null;
      }));
    }
    for (Future<?> f : written) {
      f.get();
    }
  }

  private List<HasMetadata> create(String yaml) {
    List<HasMetadata> out = new ArrayList<>();
    for (HasMetadata item : client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()) {
      out.add(client.resource(item).create());
    }
    return out;
  }

  private static long acceptedRoutes(List<ObjectStatus> statuses) {
    return statuses.stream().filter(s -> s.status() instanceof RouteStatus r && !r.parents().isEmpty()).count();
  }

  private static boolean hasParentStatus(GenericKubernetesResource route) {
    return route.getAdditionalProperties().get("status") instanceof Map<?, ?> status
        && status.get("parents") instanceof List<?> parents && !parents.isEmpty();
  }

  /** Counts the status PUTs and single-object GETs received since the last drain. */
  private void drainRequests(Requests into) throws InterruptedException {
    RecordedRequest r;
    while ((r = api.takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
      String path = r.getPath();
      if (r.getMethod().equals("PUT") && path.endsWith("/status")) {
        into.statusWrites++;
      } else if (r.getMethod().equals("GET") && !path.contains("watch") && !path.contains("/leases/")
          && path.matches(".*/namespaces/[^/]+/[^/?]+/[^/?]+(\\?.*)?")) {
        into.objectReads++;
      }
    }
  }

  private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + ": not within " + WAIT);
      }
      Thread.sleep(5);
    }
  }
}

package dev.tollgate.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes to the watched files reaching connected proxies, and bad files costing nothing. */
class FileChangeTest {

  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final String ROUTES = "default/eg/http";
  private ServeFixture serve;
  private AdsTestClient proxy;


  @BeforeEach
  void start() throws Exception {
    serve = ServeFixture.serving("basic/quickstart.in.yaml");
    proxy = new AdsTestClient(serve.xdsAddress(), "default/eg");
    proxy.request(XdsType.CLUSTER.typeUrl(), List.of(), "", "");
    proxy.ack(proxy.next(SECOND), List.of());
    proxy.request(XdsType.ROUTE.typeUrl(), List.of(ROUTES), "", "");
    proxy.ack(proxy.next(SECOND), List.of(ROUTES));
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    serve.close();
  }

  private static List<String> clusterNames(DiscoveryResponse r) throws Exception {
    List<String> out = new ArrayList<>();
    for (Any a : r.getResourcesList()) {
      out.add(a.unpack(Cluster.class).getName());
    }
    return out;
  }

  private static List<String> hosts(DiscoveryResponse r) throws Exception {
    return r.getResources(0).unpack(RouteConfiguration.class).getVirtualHostsList().stream()
        .flatMap(v -> v.getDomainsList().stream()).toList();
  }

  @Test
  void newRouteFile_reachesTheProxyWithinASecond_clustersBeforeRoutes() throws Exception {
    long start = System.nanoTime();
    Files.writeString(serve.directory.resolve("late.yaml"), TestRoutes.route("late", "late.example.com"));
    DiscoveryResponse first = proxy.next(SECOND);
    DiscoveryResponse second = proxy.next(SECOND);
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(first).isNotNull();
    assertThat(second).isNotNull();
    assertThat(elapsedMillis).as("file written to both types received").isLessThan(1000);
    assertThat(first.getTypeUrl()).as("the new cluster comes before the route that uses it").isEqualTo(XdsType.CLUSTER.typeUrl());
    assertThat(clusterNames(first)).contains("httproute/default/late/rule/0");
    assertThat(second.getTypeUrl()).isEqualTo(XdsType.ROUTE.typeUrl());
    assertThat(hosts(second)).contains("late.example.com", "www.example.com");
  }

  @Test
  void deletedRoute_leavesTheRouteAtOnceAndItsClusterOnlyAfterTheRemovalDelay() throws Exception {
    Files.writeString(serve.directory.resolve("late.yaml"), TestRoutes.route("late", "late.example.com"));
    for (int i = 0; i < 2; i++) {
      DiscoveryResponse r = proxy.next(SECOND);
      proxy.ack(r, r.getTypeUrl().equals(XdsType.ROUTE.typeUrl()) ? List.of(ROUTES) : List.of());
    }
    Files.delete(serve.directory.resolve("late.yaml"));
    DiscoveryResponse routes = proxy.next(SECOND);
    assertThat(routes.getTypeUrl()).isEqualTo(XdsType.ROUTE.typeUrl());
    assertThat(hosts(routes)).doesNotContain("late.example.com");
    proxy.ack(routes, List.of(ROUTES));
    DiscoveryResponse clusters = proxy.next(SECOND);
    assertThat(clusters.getTypeUrl()).isEqualTo(XdsType.CLUSTER.typeUrl());
    assertThat(clusterNames(clusters)).doesNotContain("httproute/default/late/rule/0");
  }

  @Test
  void brokenFile_keepsProxiesOnTheLastGoodVersion_andIsNamedInTheLogAndStatus() throws Exception {
    Path quickstart = serve.directory.resolve("quickstart.yaml");
    PrintStream original = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true));
    try {
      Files.writeString(quickstart, "kind: [this is not\n  yaml: at all");
      assertThat(proxy.next(SECOND)).as("nothing is pushed: the file's last readable contents are kept").isNull();
    } finally {
      System.setErr(original);
    }
    assertThat(log.toString()).contains(quickstart.toString()).contains("not valid YAML").contains("last readable contents");
    assertThat(serve.get("/statuses").body()).contains(quickstart.getFileName().toString());
    // Fixed again, and changed: the proxy moves on.
    Files.writeString(quickstart, Files.readString(dev.tollgate.testing.Golden.testdata().resolve("basic/quickstart.in.yaml"))
        .replace("www.example.com", "www2.example.com"));
    DiscoveryResponse update = proxy.next(SECOND);
    assertThat(update).isNotNull();
    assertThat(update.getTypeUrl()).isEqualTo(XdsType.ROUTE.typeUrl());
    assertThat(hosts(update)).containsExactly("www2.example.com");
  }

  @Test
  void refusedRoute_answers500ForWhatItMatches_andIsReportedInStatuses() throws Exception {
    Files.writeString(serve.directory.resolve("bad-route.yaml"), TestRoutes.route("late", "late.example.com").replace("port: 3000}", "port: 3000, weight: -1}"));
    DiscoveryResponse update = proxy.next(SECOND);
    assertThat(update).as("the refused route's requests must not fall through to another route").isNotNull();
    var lateHost = update.getResources(0).unpack(RouteConfiguration.class).getVirtualHostsList().stream()
        .filter(v -> v.getDomainsList().contains("late.example.com")).findFirst().orElseThrow();
    assertThat(lateHost.getRoutesList()).allSatisfy(r -> assertThat(r.getDirectResponse().getStatus()).isEqualTo(500));
    assertThat(serve.get("/statuses").body()).contains("weight").contains("late").contains("refused when read");
  }

  @Test
  void refusedObjectNothingUses_changesNothingServed() throws Exception {
    Files.writeString(serve.directory.resolve("bad-object.yaml"), """
        apiVersion: v1
        kind: Service
        metadata: {name: unused, namespace: default}
        spec:
          ports: [{port: 70000}]
        """);
    assertThat(proxy.next(SECOND)).isNull();
  }
}

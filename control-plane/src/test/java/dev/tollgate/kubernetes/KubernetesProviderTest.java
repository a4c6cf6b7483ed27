package dev.tollgate.kubernetes;

import static dev.tollgate.kubernetes.KubernetesServe.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.tollgate.serve.AdsTestClient;
import dev.tollgate.testing.Golden;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code serve --provider kubernetes} against a mock API server: objects created, changed and deleted through the API reach the proxy. */
@Timeout(60)
class KubernetesProviderTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration QUIET = Duration.ofMillis(400);
  /** Statuses are written after the first translation, by the replica that has won the Lease. */
  private static final Duration STATUS_WAIT = Duration.ofSeconds(20);
  private static final List<XdsType> TYPES = List.of(XdsType.CLUSTER, XdsType.ENDPOINT, XdsType.LISTENER, XdsType.ROUTE,
      XdsType.SECRET);

  private MockApiServer api;
  private KubernetesClient client;
  private ClusterObjects cluster;
  private String quickstart;

  @BeforeEach
  void cluster() throws Exception {
    api = MockApiServer.crud();
    client = api.client();
    cluster = new ClusterObjects(client);
    cluster.installCrds(ClusterObjects.GATEWAY_API);
    quickstart = Files.readString(Golden.testdata().resolve("basic/quickstart.in.yaml"));
    cluster.create(quickstart);
  }

  @AfterEach
  void stop() {
    client.close();
    api.close();
  }

  private static KubernetesServe serving(MockApiServer api) throws Exception {
    KubernetesServe serve = KubernetesServe.against(api, Map.of("tollgate.resync-interval", "1s"));
    assertThat(eventually(WAIT, () -> serve.loop().last().isPresent())).as("a first translation").isTrue();
    return serve;
  }

  /** What {@code translate} prints for the manifest. */
  private static GatewayXds translated(KubernetesServe serve, String yaml) throws Exception {
    ManifestReader reader = new ManifestReader().readString("quickstart", yaml);
    return serve.bean(Pipeline.class).run(reader.resources(), reader.problems()).gateways().get("default/eg");
  }

  private static Map<String, Message> byName(XdsType type, GatewayXds xds) {
    Map<String, Message> out = new TreeMap<>();
    xds.resources(type).forEach(m -> out.put(type.nameOf(m), m));
    return out;
  }

  private static List<String> names(XdsType type, GatewayXds xds) {
    return type == XdsType.ENDPOINT || type == XdsType.ROUTE ? xds.resources(type).stream().map(type::nameOf).toList() : List.of();
  }

  @Test
  void objectsCreatedThroughTheApi_reachTheProxy_asTranslatePrintsThem_andAResyncPushesNothing() throws Exception {
    try (KubernetesServe serve = serving(api); AdsTestClient proxy = new AdsTestClient(serve.xdsAddress(), "default/eg")) {
      GatewayXds expected = translated(serve, quickstart);
      assertThat(expected).isNotNull();
      for (XdsType type : TYPES) {
        proxy.request(type.typeUrl(), names(type, expected), "", "");
        DiscoveryResponse response = proxy.next(WAIT);
        assertThat(response).as(type.key()).isNotNull();
        assertThat(AdsTestClient.byName(type, response.getResourcesList())).as(type.key()).isEqualTo(byName(type, expected));
        proxy.ack(response, names(type, expected));
      }
      assertThat(byName(XdsType.ROUTE, expected)).isNotEmpty();
      assertThat(serve.loop().lastProblems()).as("what the API server adds (uid, resourceVersion, managedFields) is no problem")
          .isEmpty();
      // Two resyncs of every informer (every second) replay every object: nothing may reach the proxy.
      Thread.sleep(2500);
      assertThat(proxy.next(QUIET)).as("a resync that changes nothing pushes nothing").isNull();
      assertThat(serve.get("/health/readiness").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anHttpRouteReplacedThroughTheApi_updatesTheRoutes_andDeletedDisappears() throws Exception {
    try (KubernetesServe serve = serving(api); AdsTestClient proxy = new AdsTestClient(serve.xdsAddress(), "default/eg")) {
      GatewayXds expected = translated(serve, quickstart);
      List<String> routeNames = names(XdsType.ROUTE, expected);
      proxy.request(XdsType.ROUTE.typeUrl(), routeNames, "", "");
      DiscoveryResponse first = proxy.next(WAIT);
      assertThat(domains(first)).containsExactly("www.example.com");
      proxy.ack(first, routeNames);

      // Replaced, not updated in place: see anHttpRouteEditedInPlace_updatesTheRoutes.
      var routes = cluster.resources("gateway.networking.k8s.io/v1", "HTTPRoute", "default");
      routes.withName("backend").delete();
      cluster.create(route("shop.example.com"));
      DiscoveryResponse replaced = proxy.next(WAIT);
      assertThat(replaced).as("the new route is pushed").isNotNull();
      if (domains(replaced).isEmpty()) { // the deletion and the creation settled apart
        proxy.ack(replaced, routeNames);
        replaced = proxy.next(WAIT);
      }
      assertThat(domains(replaced)).containsExactly("shop.example.com");
      assertThat(AdsTestClient.byName(XdsType.ROUTE, replaced.getResourcesList())).isEqualTo(byName(XdsType.ROUTE,
          translated(serve, quickstart.replace("www.example.com", "shop.example.com"))));
      proxy.ack(replaced, routeNames);

      routes.withName("backend").delete();
      DiscoveryResponse deleted = proxy.next(WAIT);
      assertThat(deleted).as("the deletion is pushed").isNotNull();
      assertThat(domains(deleted)).isEmpty();
      String metrics = serve.get("/metrics").body();
      assertThat(metrics).containsPattern("tollgate_kubernetes_events_total\\{kind=\"HTTPRoute\",type=\"deleted\"} 2")
          .containsPattern("tollgate_kubernetes_events_total\\{kind=\"HTTPRoute\",type=\"added\"} 2")
          .containsPattern("tollgate_kubernetes_read_lag_seconds_count [1-9]");
    }
  }

  /**
   * The mock API server cannot update objects in this build: fabric8 8 diffs them with zjsonpatch
   * 8 (Jackson 3), and the build pins zjsonpatch 7.9 (Jackson 2) for EnvoyPatchPolicy, so every PUT
   * fails inside the mock with a NoSuchMethodError.
   */
  @Test
  void anHttpRouteEditedInPlace_updatesTheRoutes() throws Exception {
    try (KubernetesServe serve = serving(api); AdsTestClient proxy = new AdsTestClient(serve.xdsAddress(), "default/eg")) {
      List<String> routeNames = names(XdsType.ROUTE, translated(serve, quickstart));
      proxy.request(XdsType.ROUTE.typeUrl(), routeNames, "", "");
      proxy.ack(proxy.next(WAIT), routeNames);
      var routes = cluster.resources("gateway.networking.k8s.io/v1", "HTTPRoute", "default");
      for (int attempt = 0; ; attempt++) {
        // The status writer may write the route's status between the read and the update, as a
        // client racing a controller meets a conflict: read again and retry, as kubectl does.
        GenericKubernetesResource route = routes.withName("backend").get();
        ((Map<String, Object>) route.getAdditionalProperties().get("spec")).put("hostnames", List.of("shop.example.com"));
        try {
          routes.resource(route).update();
          break;
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
          if (e.getCode() != 409 || attempt == 5) {
            throw e;
          }
        }
      }
      DiscoveryResponse edited = proxy.next(WAIT);
      assertThat(edited).as("the edited route is pushed").isNotNull();
      assertThat(domains(edited)).containsExactly("shop.example.com");
    }
  }

  private String route(String hostname) {
    String doc = quickstart.substring(quickstart.indexOf("kind: HTTPRoute"));
    return "apiVersion: gateway.networking.k8s.io/v1\n" + doc.replace("www.example.com", hostname);
  }

  private static List<String> domains(DiscoveryResponse response) throws Exception {
    return AdsTestClient.byName(XdsType.ROUTE, response.getResourcesList()).values().stream()
        .flatMap(m -> ((RouteConfiguration) m).getVirtualHostsList().stream())
        .flatMap(v -> v.getDomainsList().stream()).distinct().toList();
  }

  @Test
  void anObjectTheSchemaRefuses_isReportedWithItsKindNameAndField_asAFilesWouldBe() throws Exception {
    try (KubernetesServe serve = serving(api)) {
      cluster.create("""
          apiVersion: gateway.networking.k8s.io/v1
          kind: HTTPRoute
          metadata: {name: bad, namespace: default}
          spec:
            parentRefs: [{name: eg}]
            bogus: true
          """);
      assertThat(eventually(WAIT, () -> serve.loop().lastProblems().stream()
          .anyMatch(p -> p.contains("kubernetes: HTTPRoute default/bad") && p.contains("spec.bogus"))))
          .as("problems: %s", serve.loop().lastProblems()).isTrue();
      ManifestReader file = new ManifestReader().readString("route.yaml", """
          apiVersion: gateway.networking.k8s.io/v1
          kind: HTTPRoute
          metadata: {name: bad, namespace: default}
          spec:
            parentRefs: [{name: eg}]
            bogus: true
          """);
      // The same message, naming the object where a file's name and document would be.
      String asFile = file.problems().get(0).toString();
      assertThat(asFile).contains("route.yaml (document 0): ");
      assertThat(serve.loop().lastProblems()).contains(asFile.replace("route.yaml (document 0)", "kubernetes: HTTPRoute default/bad"));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }

  @SuppressWarnings("unchecked")
  private static String condition(GenericKubernetesResource object, String type) {
    Map<String, Object> status = object == null ? null : (Map<String, Object>) object.getAdditionalProperties().get("status");
    if (status == null) {
      return null;
    }
    List<Map<String, Object>> conditions = status.containsKey("parents")
        ? list(list(status.get("parents")).stream().findFirst().map(p -> p.get("conditions")).orElse(null))
        : list(status.get("conditions"));
    return conditions.stream().filter(c -> type.equals(c.get("type"))).map(c -> c.get("status") + " " + c.get("reason"))
        .findFirst().orElse(null);
  }

  /** With the Kubernetes provider, serve writes the statuses translate prints back to the objects in the cluster. */
  @Test
  void aChangeOfAStatusAlone_isNotTranslatedAgain() throws Exception {
    try (KubernetesServe serve = serving(api)) {
      var registry = serve.bean(io.micrometer.core.instrument.MeterRegistry.class);
      var routes = cluster.resources("gateway.networking.k8s.io/v1", "HTTPRoute", "default");
      Thread.sleep(QUIET.toMillis()); // the first statuses written come back as status-only events too
      double translations = registry.get("tollgate.translations").counters().stream().mapToDouble(c -> c.count()).sum();
      var route = routes.withName("backend").get();
      route.getAdditionalProperties().put("status", Map.of("parents", List.of(Map.of(
          "parentRef", Map.of("name", "eg"), "controllerName", "example.com/other-controller",
          "conditions", List.of(Map.of("type", "Accepted", "status", "True", "reason", "Accepted", "message", "",
              "lastTransitionTime", "2026-01-01T00:00:00Z"))))));
      routes.resource(route).updateStatus();
      assertThat(eventually(WAIT, () -> registry.find("tollgate.kubernetes.events").tags("kind", "HTTPRoute", "type",
          "status-updated").counters().stream().mapToDouble(c -> c.count()).sum() > 0)).as("the status change seen").isTrue();
      Thread.sleep(QUIET.toMillis());
      assertThat(registry.get("tollgate.translations").counters().stream().mapToDouble(c -> c.count()).sum())
          .as("translations after a status-only change").isEqualTo(translations);
    }
  }

  @Test
  void theLeadersTranslation_isWrittenToEveryObjectsStatus() throws Exception {
    try (KubernetesServe serve = serving(api)) {
      var routes = cluster.resources("gateway.networking.k8s.io/v1", "HTTPRoute", "default");
      var gateways = cluster.resources("gateway.networking.k8s.io/v1", "Gateway", "default");
      assertThat(eventually(STATUS_WAIT, () -> "True Accepted".equals(condition(routes.withName("backend").get(), "Accepted"))))
          .as("the HTTPRoute's parent status, written by the leader").isTrue();
      assertThat(eventually(STATUS_WAIT, () -> "True Programmed".equals(condition(gateways.withName("eg").get(), "Programmed"))))
          .as("the Gateway's status").isTrue();
      var parent = list(((Map<String, Object>) routes.withName("backend").get().getAdditionalProperties().get("status"))
          .get("parents")).get(0);
      assertThat(parent.get("controllerName")).isEqualTo("tollgate.dev/gatewayclass-controller");
      assertThat(client.leases().inNamespace("default").withName("tollgate-leader").get()).as("the Lease it holds").isNotNull();
    }
  }
}

package dev.tollgate.kubernetes.status;

import static dev.tollgate.kubernetes.status.Statuses.GATEWAY_API;
import static dev.tollgate.kubernetes.status.Statuses.accepted;
import static dev.tollgate.kubernetes.status.Statuses.route;
import static dev.tollgate.kubernetes.status.Statuses.routeYaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.kubernetes.CrdMockCluster;
import dev.tollgate.translator.status.ObjectStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Status write-back against the mock API server: what is written, what is kept, what is not written. */
class StatusWriterTest {

  private CrdMockCluster cluster;
  private SettableClock clock;
  private SimpleMeterRegistry registry;
  private StatusWriter writer;

  @BeforeEach
  void start() {
    cluster = new CrdMockCluster();
    clock = new SettableClock("2026-01-01T10:00:00Z");
    registry = new SimpleMeterRegistry();
    writer = new StatusWriter(cluster.client(), StatusWriterSettings.defaults().withClock(clock), registry);
    writer.activate();
  }

  @AfterEach
  void stop() {
    writer.close();
    cluster.close();
  }

  @Test
  void write_sameStatusAgain_issuesNoWrite_evenFromANewWriter() throws Exception {
    cluster.create(routeYaml("a"));
    List<ObjectStatus> statuses = List.of(route("a", accepted(true, "Accepted", "Route is accepted", 1)));
    writeAndWait(statuses);
    assertThat(cluster.statusWrites()).containsExactly("PUT /apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/a/status");

    writeAndWait(statuses);
    try (StatusWriter restarted = new StatusWriter(cluster.client(), StatusWriterSettings.defaults(), registry)) {
      restarted.activate();
      restarted.write(statuses);
      assertThat(restarted.awaitWritten(Duration.ofSeconds(10))).isTrue();
    }
    assertThat(cluster.statusWrites()).isEmpty();
    assertThat(registry.counter("tollgate.status.writes", "kind", "HTTPRoute", "outcome", "unchanged").count()).isEqualTo(1);
  }

  @Test
  void write_conditionUnchanged_keepsTransitionTime_flipped_takesNow() throws Exception {
    cluster.create(routeYaml("a"));
    writeAndWait(List.of(route("a", accepted(true, "Accepted", "Route is accepted", 1))));
    assertThat(condition("a").get("lastTransitionTime")).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(condition("a").get("observedGeneration")).isEqualTo(1);

    clock.set("2026-01-01T11:00:00Z");
    writeAndWait(List.of(route("a", accepted(true, "Accepted", "Route is accepted, message reworded", 2))));
    assertThat(condition("a")).containsEntry("message", "Route is accepted, message reworded")
        .containsEntry("observedGeneration", 2).containsEntry("lastTransitionTime", "2026-01-01T10:00:00Z");

    clock.set("2026-01-01T12:00:00Z");
    writeAndWait(List.of(route("a", accepted(false, "NoMatchingParent", "No Gateway eg", 2))));
    assertThat(condition("a")).containsEntry("status", "False").containsEntry("lastTransitionTime", "2026-01-01T12:00:00Z");
    assertThat(cluster.statusWrites()).hasSize(3);
  }

  @Test
  void write_anotherControllersParent_survivesOursReplacedAndRemoved() throws Exception {
    cluster.create(routeYaml("a"));
    GenericKubernetesResource live = cluster.get(GATEWAY_API, "HTTPRoute", "default", "a");
    Map<String, Object> theirs = Map.of(
        "parentRef", Map.of("group", "gateway.networking.k8s.io", "kind", "Gateway", "name", "other"),
        "controllerName", "example.com/other-controller",
        "conditions", List.of(Map.of("type", "Accepted", "status", "True", "reason", "Accepted", "message", "theirs",
            "lastTransitionTime", "2025-05-05T05:05:05Z")));
    live.getAdditionalProperties().put("status", Map.of("parents", List.of(theirs)));
    cluster.client().resource(live).updateStatus();
    cluster.statusWrites();

    writeAndWait(List.of(route("a", accepted(true, "Accepted", "Route is accepted", 1))));
    assertThat(parents("a")).extracting(p -> p.get("controllerName"))
        .containsExactly("example.com/other-controller", Statuses.OURS);

    // The route is no longer Tollgate's: its entry goes, the other controller's stays as it was.
    writeAndWait(List.of());
    assertThat(parents("a")).containsExactly(theirs);
    assertThat(cluster.statusWrites()).hasSize(2);
  }

  @Test
  void write_oursLeftByAnEarlierRunOnARouteNoTranslationWants_isRemoved_theirsKept() throws Exception {
    cluster.create(routeYaml("a") + "---\n" + routeYaml("stale"));
    Map<String, Object> theirs = Map.of(
        "parentRef", Map.of("group", "gateway.networking.k8s.io", "kind", "Gateway", "name", "other"),
        "controllerName", "example.com/other-controller",
        "conditions", List.of(Map.of("type", "Accepted", "status", "True", "reason", "Accepted", "message", "theirs",
            "lastTransitionTime", "2025-05-05T05:05:05Z")));
    Map<String, Object> oursOfOld = Map.of(
        "parentRef", Map.of("group", "gateway.networking.k8s.io", "kind", "Gateway", "name", "eg"),
        "controllerName", Statuses.OURS,
        "conditions", List.of(Map.of("type", "Accepted", "status", "True", "reason", "Accepted", "message", "of old",
            "lastTransitionTime", "2025-05-05T05:05:05Z")));
    GenericKubernetesResource stale = cluster.get(GATEWAY_API, "HTTPRoute", "default", "stale");
    stale.getAdditionalProperties().put("status", Map.of("parents", List.of(theirs, oursOfOld)));
    cluster.client().resource(stale).updateStatus();
    cluster.statusWrites();

    // The cache a provider would hand over: here, the objects as the API server lists them.
    LiveObjects listed = new LiveObjects() {
      @Override
      public java.util.Optional<GenericKubernetesResource> cached(String apiVersion, String kind, String ns, String name) {
        return java.util.Optional.empty();
      }

      @Override
      public List<Cached> withWrittenStatuses() {
        return cluster.client().genericKubernetesResources(GATEWAY_API, "HTTPRoute").inNamespace("default").list()
            .getItems().stream().map(o -> new Cached(GATEWAY_API, "HTTPRoute", o)).toList();
      }
    };
    try (StatusWriter restarted = new StatusWriter(cluster.client(), listed, StatusWriterSettings.defaults(), registry)) {
      restarted.activate();
      restarted.write(List.of(route("a", accepted(true, "Accepted", "Route is accepted", 1))));
      assertThat(restarted.awaitWritten(Duration.ofSeconds(10))).isTrue();
      assertThat(parents("stale")).containsExactly(theirs);
      assertThat(parents("a")).extracting(p -> p.get("controllerName")).containsExactly(Statuses.OURS);
      assertThat(cluster.statusWrites()).containsExactlyInAnyOrder(
          "PUT /apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/a/status",
          "PUT /apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/stale/status");

      // Swept once: the next translation finds nothing stray and writes nothing.
      restarted.write(List.of(route("a", accepted(true, "Accepted", "Route is accepted", 1))));
      assertThat(restarted.awaitWritten(Duration.ofSeconds(10))).isTrue();
      assertThat(cluster.statusWrites()).isEmpty();
    }
  }

  @Test
  void write_objectDeletedBeforeItsWrite_isDropped() throws Exception {
    cluster.create(routeYaml("a") + "---\n" + routeYaml("b"));
    writer.deactivate();
    writer.write(List.of(route("a", accepted(true, "Accepted", "Route is accepted", 1)),
        route("b", accepted(true, "Accepted", "Route is accepted", 1))));
    cluster.client().genericKubernetesResources(GATEWAY_API, "HTTPRoute").inNamespace("default").withName("a").delete();
    cluster.statusWrites();

    writer.activate();
    assertThat(writer.awaitWritten(Duration.ofSeconds(10))).isTrue();
    assertThat(cluster.statusWrites()).containsExactly(
        "PUT /apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/b/status");
    assertThat(registry.counter("tollgate.status.writes", "kind", "HTTPRoute", "outcome", "gone").count()).isEqualTo(1);
    assertThat(registry.counter("tollgate.status.writes", "kind", "HTTPRoute", "outcome", "failed").count()).isZero();
  }

  @Test
  void write_policyAncestors_onlyOursReplaced() throws Exception {
    cluster.create("""
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: SecurityPolicy
        metadata: {name: p, namespace: default}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: eg}]
        """);
    GenericKubernetesResource live = cluster.get("gateway.envoyproxy.io/v1alpha1", "SecurityPolicy", "default", "p");
    Map<String, Object> theirs = Map.of(
        "ancestorRef", Map.of("group", "gateway.networking.k8s.io", "kind", "Gateway", "name", "eg"),
        "controllerName", "example.com/other-controller",
        "conditions", List.of(Map.of("type", "Accepted", "status", "False", "reason", "Invalid", "message", "theirs",
            "lastTransitionTime", "2025-05-05T05:05:05Z")));
    live.getAdditionalProperties().put("status", Map.of("ancestors", List.of(theirs)));
    cluster.client().resource(live).updateStatus();

    writeAndWait(List.of(Statuses.securityPolicy("p", accepted(true, "Accepted", "Policy is accepted", 1))));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> ancestors = (List<Map<String, Object>>) cluster
        .status("gateway.envoyproxy.io/v1alpha1", "SecurityPolicy", "default", "p").get("ancestors");
    assertThat(ancestors).hasSize(2).first().isEqualTo(theirs);
    assertThat(ancestors.get(1)).containsEntry("controllerName", Statuses.OURS);
  }

  @Test
  void write_envoyProxyAncestors_onlyThoseOfOurGatewaysReplaced() throws Exception {
    cluster.create("""
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: EnvoyProxy
        metadata: {name: proxy, namespace: default}
        spec: {}
        """);
    GenericKubernetesResource live = cluster.get("gateway.envoyproxy.io/v1alpha1", "EnvoyProxy", "default", "proxy");
    Map<String, Object> foreign = Map.of(
        "ancestorRef", Map.of("group", "gateway.networking.k8s.io", "kind", "GatewayClass", "name", "someone-elses"),
        "conditions", List.of(Map.of("type", "Accepted", "status", "True", "reason", "Accepted", "message", "theirs",
            "lastTransitionTime", "2025-05-05T05:05:05Z")));
    Map<String, Object> stale = Map.of(
        "ancestorRef", Map.of("group", "gateway.networking.k8s.io", "kind", "Gateway", "namespace", "default", "name", "eg"),
        "conditions", List.of(Map.of("type", "Accepted", "status", "False", "reason", "InvalidParameters", "message", "old",
            "lastTransitionTime", "2025-05-05T05:05:05Z")));
    live.getAdditionalProperties().put("status", Map.of("ancestors", List.of(foreign, stale)));
    cluster.client().resource(live).updateStatus();

    var ref = new dev.tollgate.translator.model.gatewayapi.ParentReference(
        "gateway.networking.k8s.io", "Gateway", "default", "eg", null, null);
    writeAndWait(List.of(new ObjectStatus("gateway.envoyproxy.io/v1alpha1", "EnvoyProxy", "default", "proxy",
        new dev.tollgate.translator.status.EnvoyProxyStatus(List.of(new dev.tollgate.translator.status.EnvoyProxyStatus.Ancestor(
            ref, List.of(accepted(true, "Accepted", "EnvoyProxy is accepted", 1))))))));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> ancestors = (List<Map<String, Object>>) cluster
        .status("gateway.envoyproxy.io/v1alpha1", "EnvoyProxy", "default", "proxy").get("ancestors");
    assertThat(ancestors).hasSize(2).first().isEqualTo(foreign);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> ours = (List<Map<String, Object>>) ancestors.get(1).get("conditions");
    assertThat(ours).singleElement().satisfies(c -> assertThat(c)
        .containsEntry("status", "True").containsEntry("message", "EnvoyProxy is accepted"));
  }

  @Test
  void write_conflict_isRetriedOnTheLatestObject() throws Exception {
    cluster.create(routeYaml("a"));
    String path = "/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/a/status";
    cluster.conflictOnce(path);

    writeAndWait(List.of(route("a", accepted(true, "Accepted", "Route is accepted", 1))));
    assertThat(condition("a")).containsEntry("reason", "Accepted");
    assertThat(cluster.statusWrites()).containsExactly("PUT " + path, "PUT " + path);
    assertThat(registry.counter("tollgate.status.conflicts", "kind", "HTTPRoute").count()).isEqualTo(1);
    assertThat(registry.counter("tollgate.status.writes", "kind", "HTTPRoute", "outcome", "written").count()).isEqualTo(1);
  }

  private void writeAndWait(List<ObjectStatus> statuses) throws InterruptedException {
    writer.write(statuses);
    assertThat(writer.awaitWritten(Duration.ofSeconds(10))).isTrue();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> parents(String route) {
    return (List<Map<String, Object>>) cluster.status(GATEWAY_API, "HTTPRoute", "default", route).get("parents");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> condition(String route) {
    Map<String, Object> ours = parents(route).stream().filter(p -> Statuses.OURS.equals(p.get("controllerName")))
        .findFirst().orElseThrow();
    return ((List<Map<String, Object>>) ours.get("conditions")).get(0);
  }
}

package dev.tollgate.kubernetes.infra;

import static dev.tollgate.kubernetes.infra.ProxyObjects.NAMESPACE;
import static dev.tollgate.kubernetes.infra.ProxyObjects.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.infra.RenderedGateway;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.ir.XdsIr;
import dev.tollgate.translator.pipeline.Problem;
import dev.tollgate.translator.pipeline.TranslationResult;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InfrastructureReconcilerTest {

  private static final String OPA = "openpolicyagent/opa:1.10.1-envoy-5-static";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final ApplyingCrudDispatcher dispatcher = new ApplyingCrudDispatcher();
  private final AtomicReference<List<RenderedGateway>> rendered = new AtomicReference<>(List.of());
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private KubernetesMockServer api;
  private NamespacedKubernetesClient client;
  private InfrastructureReconciler reconciler;

  @BeforeEach
  void start() {
    api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    api.init(InetAddress.getLoopbackAddress(), 0);
    client = api.createClient();
    reconciler = new InfrastructureReconciler(client, (input, result) -> rendered.get(),
        ReconcilerSettings.defaults(NAMESPACE).withRetries(Duration.ofMillis(50), Duration.ofMillis(200)), registry).start();
  }

  @AfterEach
  void stop() {
    reconciler.close();
    client.close();
    try {
      api.destroy();
    } catch (IllegalStateException e) {
      // A closed client's pooled keep-alive connection can outlast the mock's wait; every assertion has run.
      System.err.println("mock API server: " + e.getMessage());
    }
  }

  private void render(RenderedGateway... gateways) {
    rendered.set(List.of(gateways));
    reconciler.offer(ResourceSet.empty(), result(List.of()));
  }

  private static TranslationResult result(List<Problem> problems) {
    return new TranslationResult(new XdsIr(List.of()), Map.of(), List.of(), List.of(), problems, Set.of(), Set.of());
  }

  private Deployment deployment(String ns, String gw) {
    return client.apps().deployments().inNamespace(NAMESPACE).withName(name(ns, gw)).get();
  }

  private String opaImage(String ns, String gw) {
    Deployment d = deployment(ns, gw);
    return d == null ? null : d.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> c.getName().equals("opa")).findFirst().orElseThrow().getImage();
  }

  private boolean exists(String kind, String name) {
    return switch (kind) {
      case "ServiceAccount" -> client.serviceAccounts().inNamespace(NAMESPACE).withName(name).get() != null;
      case "ConfigMap" -> client.configMaps().inNamespace(NAMESPACE).withName(name).get() != null;
      case "Deployment" -> client.apps().deployments().inNamespace(NAMESPACE).withName(name).get() != null;
      case "DaemonSet" -> client.apps().daemonSets().inNamespace(NAMESPACE).withName(name).get() != null;
      case "Service" -> client.services().inNamespace(NAMESPACE).withName(name).get() != null;
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private String serviceUid(String ns, String gw) {
    var s = client.services().inNamespace(NAMESPACE).withName(name(ns, gw)).get();
    return s == null ? null : s.getMetadata().getUid();
  }

  private double count(String meter, String kind, String outcome) {
    var c = registry.find(meter).tag("kind", kind).tag("outcome", outcome).counter();
    return c == null ? 0 : c.count();
  }

  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }

  @Test
  void render_ofANewGateway_createsEachObjectWithServerSideApplyAsTollgate() throws Exception {
    reconciler.activate();
    render(ProxyObjects.deployment("default", "eg", OPA));

    assertThat(eventually(() -> exists("Service", name("default", "eg")))).isTrue();
    for (String kind : List.of("ServiceAccount", "ConfigMap", "Deployment", "Service")) {
      assertThat(exists(kind, name("default", "eg"))).as(kind).isTrue();
    }
    assertThat(opaImage("default", "eg")).isEqualTo(OPA);
    assertThat(deployment("default", "eg").getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "tollgate")
        .containsEntry("gateway.envoyproxy.io/owning-gateway-name", "eg")
        .containsEntry("gateway.envoyproxy.io/owning-gateway-namespace", "default");
    assertThat(dispatcher.applies()).hasSize(4).allSatisfy(a -> {
      assertThat(a.contentType()).startsWith("application/apply-patch+yaml");
      assertThat(a.path()).contains("fieldManager=tollgate").contains("force=true");
    });
    // In apply order: what the Deployment mounts first.
    assertThat(dispatcher.applies()).extracting(a -> a.path().substring(0, a.path().indexOf('?')))
        .containsExactly("/api/v1/namespaces/tollgate-system/serviceaccounts/envoy-default-eg",
            "/api/v1/namespaces/tollgate-system/configmaps/envoy-default-eg",
            "/apis/apps/v1/namespaces/tollgate-system/deployments/envoy-default-eg",
            "/api/v1/namespaces/tollgate-system/services/envoy-default-eg");
    assertThat(count("tollgate.infrastructure.applies", "Deployment", "applied")).isEqualTo(1);
  }

  @Test
  void render_unchanged_isNotAppliedAgain() throws Exception {
    reconciler.activate();
    render(ProxyObjects.deployment("default", "eg", OPA));
    assertThat(eventually(() -> dispatcher.applies().size() == 4)).isTrue();
    assertThat(reconciler.awaitIdle(WAIT)).isTrue();

    render(ProxyObjects.deployment("default", "eg", OPA));
    assertThat(reconciler.awaitIdle(WAIT)).isTrue();
    Thread.sleep(200); // watch events of the objects just created come in meanwhile
    assertThat(reconciler.awaitIdle(WAIT)).isTrue();

    assertThat(dispatcher.applies()).hasSize(4);
  }

  @Test
  void render_withAnotherOpaImage_updatesTheDeploymentsPodTemplateOnly() throws Exception {
    reconciler.activate();
    render(ProxyObjects.deployment("default", "eg", OPA));
    assertThat(eventually(() -> OPA.equals(opaImage("default", "eg")))).isTrue();
    assertThat(reconciler.awaitIdle(WAIT)).isTrue();
    long generation = deployment("default", "eg").getMetadata().getGeneration();
    int before = dispatcher.applies().size();

    render(ProxyObjects.deployment("default", "eg", "openpolicyagent/opa:1.11.0-envoy-5-static"));

    assertThat(eventually(() -> "openpolicyagent/opa:1.11.0-envoy-5-static".equals(opaImage("default", "eg")))).isTrue();
    assertThat(deployment("default", "eg").getMetadata().getGeneration()).isGreaterThan(generation);
    assertThat(reconciler.awaitIdle(WAIT)).isTrue();
    assertThat(dispatcher.applies().subList(before, dispatcher.applies().size()))
        .extracting(ApplyingCrudDispatcher.Apply::path).singleElement().asString().contains("/deployments/envoy-default-eg");
  }

  @Test
  void gateway_noLongerRendered_hasItsObjectsDeleted_andNothingElse() throws Exception {
    reconciler.activate();
    client.configMaps().inNamespace(NAMESPACE).resource(new ConfigMapBuilder().withNewMetadata().withName("unrelated")
        .withNamespace(NAMESPACE).endMetadata().build()).create();
    render(ProxyObjects.deployment("default", "eg", OPA), ProxyObjects.deployment("default", "other", OPA));
    assertThat(eventually(() -> exists("Service", name("default", "other")) && exists("Service", name("default", "eg")))).isTrue();

    render(ProxyObjects.deployment("default", "other", OPA));

    assertThat(eventually(() -> !exists("Deployment", name("default", "eg")))).isTrue();
    assertThat(eventually(() -> !exists("ServiceAccount", name("default", "eg")) && !exists("ConfigMap", name("default", "eg"))
        && !exists("Service", name("default", "eg")))).isTrue();
    assertThat(exists("Deployment", name("default", "other"))).isTrue();
    assertThat(exists("ConfigMap", "unrelated")).as("not labelled managed-by=tollgate").isTrue();
    assertThat(count("tollgate.infrastructure.deletes", "Deployment", "deleted")).isEqualTo(1);
  }

  @Test
  void deploymentReplacedByDaemonSet_createsTheDaemonSetAndDeletesTheDeployment() throws Exception {
    reconciler.activate();
    render(ProxyObjects.deployment("default", "eg", OPA));
    assertThat(eventually(() -> exists("Deployment", name("default", "eg")))).isTrue();

    render(ProxyObjects.daemonSet("default", "eg", OPA));

    assertThat(eventually(() -> exists("DaemonSet", name("default", "eg")) && !exists("Deployment", name("default", "eg")))).isTrue();
    assertThat(exists("Service", name("default", "eg"))).isTrue();
  }

  @Test
  void handEdit_ofAManagedField_isPutBack() throws Exception {
    reconciler.activate();
    render(ProxyObjects.deployment("default", "eg", OPA));
    assertThat(eventually(() -> OPA.equals(opaImage("default", "eg")))).isTrue();
    assertThat(reconciler.awaitIdle(WAIT)).isTrue();

    client.apps().deployments().inNamespace(NAMESPACE).withName(name("default", "eg")).edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().get(1).setImage("someone/else:latest");
      return d;
    });

    assertThat(eventually(() -> OPA.equals(opaImage("default", "eg")))).isTrue();
    assertThat(count("tollgate.infrastructure.applies", "Deployment", "applied")).isEqualTo(2);
  }

  @Test
  void deletedByHand_isCreatedAgain() throws Exception {
    reconciler.activate();
    render(ProxyObjects.deployment("default", "eg", OPA));
    assertThat(eventually(() -> exists("Service", name("default", "eg")))).isTrue();
    assertThat(reconciler.awaitIdle(WAIT)).isTrue();

    String before = serviceUid("default", "eg");
    client.services().inNamespace(NAMESPACE).withName(name("default", "eg")).delete();

    // The reconciler may put the Service back before a poll ever sees it gone, so the proof is
    // a Service with a new uid rather than an observed absence.
    assertThat(eventually(() -> {
      String now = serviceUid("default", "eg");
      return now != null && !now.equals(before);
    })).isTrue();
  }

  @Test
  void replica_thatDoesNotLead_writesNothing_untilItLeads() throws Exception {
    render(ProxyObjects.deployment("default", "eg", OPA));
    Thread.sleep(500);
    assertThat(dispatcher.applies()).isEmpty();
    assertThat(exists("Deployment", name("default", "eg"))).isFalse();

    reconciler.activate();

    assertThat(eventually(() -> exists("Deployment", name("default", "eg")))).isTrue();
  }

  @Test
  void leaderThatStops_stopsWriting() throws Exception {
    reconciler.activate();
    render(ProxyObjects.deployment("default", "eg", OPA));
    assertThat(eventually(() -> exists("Service", name("default", "eg")))).isTrue();
    assertThat(reconciler.awaitIdle(WAIT)).isTrue();
    reconciler.deactivate();
    int before = dispatcher.applies().size();

    render();
    render(ProxyObjects.deployment("default", "eg", "openpolicyagent/opa:2"));
    Thread.sleep(500);

    assertThat(dispatcher.applies()).hasSize(before);
    assertThat(opaImage("default", "eg")).isEqualTo(OPA);
  }

  @Test
  void newLeader_appliesEverythingOnce() throws Exception {
    reconciler.activate();
    render(ProxyObjects.deployment("default", "eg", OPA));
    assertThat(eventually(() -> dispatcher.applies().size() == 4)).isTrue();
    assertThat(reconciler.awaitIdle(WAIT)).isTrue();
    reconciler.deactivate();

    reconciler.activate();

    assertThat(eventually(() -> dispatcher.applies().size() == 8)).isTrue();
    assertThat(reconciler.awaitIdle(WAIT)).isTrue();
    Thread.sleep(200);
    assertThat(dispatcher.applies()).hasSize(8);
  }

  @Test
  void apiErrors_areRetried_untilTheObjectsAreApplied() throws Exception {
    dispatcher.failNext(3, 403); // as while RBAC lacks a verb; fabric8 itself retries 5xx answers
    reconciler.activate();
    render(ProxyObjects.deployment("default", "eg", OPA));

    assertThat(eventually(() -> exists("ServiceAccount", name("default", "eg")) && exists("ConfigMap", name("default", "eg"))
        && exists("Deployment", name("default", "eg")) && exists("Service", name("default", "eg")))).isTrue();
    double failed = ManagedKinds.ALL.stream().mapToDouble(k -> count("tollgate.infrastructure.applies", k.kind(), "failed")).sum();
    assertThat(failed).isEqualTo(3);
  }

  @Test
  void invalidObject_refusedByTheApiServer_isNotRetriedUntilItsRenderingChanges() throws Exception {
    reconciler.activate();
    dispatcher.failNext(1, 422);
    render(ProxyObjects.deployment("default", "eg", OPA));

    assertThat(eventually(() -> exists("Service", name("default", "eg")))).isTrue();
    assertThat(reconciler.awaitIdle(WAIT)).isTrue();
    assertThat(count("tollgate.infrastructure.applies", "ServiceAccount", "refused")).isEqualTo(1);
    assertThat(exists("ServiceAccount", name("default", "eg"))).isFalse();
    assertThat(dispatcher.applies()).hasSize(3); // the refused apply never reached the store
  }

  @Test
  void gateway_whoseRenderingHasProblems_keepsWhatRuns() throws Exception {
    reconciler.activate();
    render(ProxyObjects.deployment("default", "eg", OPA));
    assertThat(eventually(() -> exists("Service", name("default", "eg")))).isTrue();
    assertThat(reconciler.awaitIdle(WAIT)).isTrue();
    int before = dispatcher.applies().size();

    render(ProxyObjects.withProblems("default", "eg", "EnvoyProxy default/proxy: spec.provider.kubernetes.envoyDeployment.patch: cannot be applied"));
    assertThat(reconciler.awaitIdle(WAIT)).isTrue();
    Thread.sleep(200);

    assertThat(exists("Deployment", name("default", "eg"))).isTrue();
    assertThat(exists("Service", name("default", "eg"))).isTrue();
    assertThat(dispatcher.applies()).hasSize(before);
    assertThat(reconciler.problems()).containsOnlyKeys("default/eg");
    assertThat(registry.find("tollgate.infrastructure.problems").gauge().value()).isEqualTo(1);
  }

  @Test
  void objectTheReconcilerCannotManage_keepsItsGatewayAsItRuns() throws Exception {
    reconciler.activate();
    RenderedGateway good = ProxyObjects.deployment("default", "eg", OPA);
    var foreign = new io.fabric8.kubernetes.api.model.ConfigMapBuilder(
        (io.fabric8.kubernetes.api.model.ConfigMap) good.objects().get(1)).editMetadata().withNamespace("default").endMetadata().build();
    List<io.fabric8.kubernetes.api.model.HasMetadata> objects = new java.util.ArrayList<>(good.objects());
    objects.set(1, foreign);

    render(new RenderedGateway("default", "eg", objects, List.of()));
    assertThat(reconciler.awaitIdle(WAIT)).isTrue();

    assertThat(dispatcher.applies()).isEmpty();
    assertThat(reconciler.problems().get("default/eg")).singleElement().asString()
        .contains("metadata.namespace: \"default\" is not the infrastructure namespace \"tollgate-system\"");
  }

  @Test
  void translationThatStoppedEarly_deletesNothing() throws Exception {
    reconciler.activate();
    render(ProxyObjects.deployment("default", "eg", OPA));
    assertThat(eventually(() -> exists("Service", name("default", "eg")))).isTrue();
    assertThat(reconciler.awaitIdle(WAIT)).isTrue();

    rendered.set(List.of());
    reconciler.offer(ResourceSet.empty(), result(List.of(Problem.defect("", "reading the Gateway API objects failed"))));
    assertThat(reconciler.awaitIdle(WAIT)).isTrue();
    Thread.sleep(200);

    assertThat(exists("Deployment", name("default", "eg"))).isTrue();
  }
}

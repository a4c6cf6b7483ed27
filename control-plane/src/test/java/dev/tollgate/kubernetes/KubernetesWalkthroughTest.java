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
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's walkthrough (deploy/examples/opa-sidecar) created through the API is served as {@code translate} prints it. */
@Timeout(60)
class KubernetesWalkthroughTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** The next listeners pushed, as text; other types pushed meanwhile are ACKed. */
  private static String nextListeners(AdsTestClient proxy, Map<String, List<String>> subscribed) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      DiscoveryResponse response = proxy.next(WAIT);
      assertThat(response).as("a push").isNotNull();
      proxy.ack(response, subscribed.get(response.getTypeUrl()));
      if (response.getTypeUrl().equals(XdsType.LISTENER.typeUrl())) {
        return AdsTestClient.byName(XdsType.LISTENER, response.getResourcesList()).toString();
      }
    }
    throw new AssertionError("no listeners pushed within " + WAIT);
  }

  /** Statuses are written by the replica that has won the Lease, after the first translation. */
  private static final Duration STATUS_WAIT = Duration.ofSeconds(20);

  @Test
  void theOpaSidecarWalkthrough_createdThroughTheApi_reachesTheProxy_asTranslatePrintsIt_andItsPolicyComesAndGoesWithTheApi() throws Exception {
    Path example = Golden.testdata().resolveSibling("deploy").resolve("examples/opa-sidecar");
    String manifests = Files.readString(example.resolve("00-quickstart.yaml")) + "\n---\n" + Files.readString(example.resolve("10-opa.yaml"));
    try (MockApiServer api = MockApiServer.crud(); KubernetesClient client = api.client()) {
      ClusterObjects cluster = new ClusterObjects(client);
      cluster.installCrds(ClusterObjects.GATEWAY_API);
      cluster.installCrds(List.of("gateway.envoyproxy.io_securitypolicies", "gateway.envoyproxy.io_backends",
          "gateway.envoyproxy.io_envoyproxies", "gateway.envoyproxy.io_envoypatchpolicies",
          "gateway.envoyproxy.io_envoyextensionpolicies"));
      cluster.create(manifests);
      try (KubernetesServe serve = KubernetesServe.against(api, Map.of());
          AdsTestClient proxy = new AdsTestClient(serve.xdsAddress(), "default/eg")) {
        assertThat(eventually(WAIT, () -> serve.loop().last().isPresent())).isTrue();
        ManifestReader reader = new ManifestReader().readString("walkthrough", manifests);
        GatewayXds expected = serve.bean(Pipeline.class).run(reader.resources(), reader.problems()).gateways().get("default/eg");
        Map<String, List<String>> subscribed = new TreeMap<>();
        for (XdsType type : List.of(XdsType.CLUSTER, XdsType.ENDPOINT, XdsType.LISTENER, XdsType.ROUTE, XdsType.SECRET)) {
          List<String> names = type == XdsType.ENDPOINT || type == XdsType.ROUTE
              ? expected.resources(type).stream().map(type::nameOf).toList() : List.of();
          subscribed.put(type.typeUrl(), names);
          proxy.request(type.typeUrl(), names, "", "");
          DiscoveryResponse response = proxy.next(WAIT);
          assertThat(response).as(type.key()).isNotNull();
          Map<String, Message> want = new TreeMap<>();
          expected.resources(type).forEach(m -> want.put(type.nameOf(m), m));
          assertThat(AdsTestClient.byName(type, response.getResourcesList())).as(type.key()).isEqualTo(want);
          proxy.ack(response, names);
        }
        assertThat(expected.resources(XdsType.LISTENER).toString()).as("the SecurityPolicy is in force").contains("ext_authz");
        assertThat(serve.loop().lastProblems()).isEmpty();

        var policies = cluster.resources("gateway.envoyproxy.io/v1alpha1", "SecurityPolicy", "default");
        var routes = cluster.resources("gateway.networking.k8s.io/v1", "HTTPRoute", "default");
        var gateways = cluster.resources("gateway.networking.k8s.io/v1", "Gateway", "default");
        String policyName = policies.list().getItems().get(0).getMetadata().getName();
        // What kubectl get -o yaml shows: the statuses Tollgate wrote.
        assertThat(eventually(STATUS_WAIT, () -> "True".equals(ClusterObjects.conditionStatus(policies.withName(policyName).get(), "ancestors", "Accepted"))))
            .as("the SecurityPolicy's ancestor status").isTrue();
        assertThat(eventually(STATUS_WAIT, () -> "True".equals(ClusterObjects.conditionStatus(routes.withName("backend").get(), "parents", "Accepted"))))
            .as("the HTTPRoute's parent status").isTrue();
        assertThat(eventually(STATUS_WAIT, () -> "True".equals(ClusterObjects.conditionStatus(gateways.withName("eg").get(), null, "Programmed"))))
            .as("the Gateway's status").isTrue();
        var policy = policies.withName(policyName).get();
        policies.withName(policy.getMetadata().getName()).delete();
        assertThat(nextListeners(proxy, subscribed)).as("the policy deleted through the API").doesNotContain("ext_authz");
        assertThat(policies.withName(policyName).get()).as("its status went with it").isNull();
        policy.getMetadata().setResourceVersion(null);
        policy.getMetadata().setUid(null);
        policy.getAdditionalProperties().remove("status");
        policies.resource(policy).create();
        assertThat(nextListeners(proxy, subscribed)).as("the policy re-created").contains("ext_authz");
        assertThat(eventually(STATUS_WAIT, () -> "True".equals(ClusterObjects.conditionStatus(policies.withName(policyName).get(), "ancestors", "Accepted"))))
            .as("the re-created SecurityPolicy's status").isTrue();
      }
    }
  }
}

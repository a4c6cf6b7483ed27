package dev.tollgate.kubernetes;

import static dev.tollgate.kubernetes.KubernetesServe.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the Kubernetes provider watches: kinds whose CRD comes later, only the namespaces asked for; and when it is ready. */
@Timeout(60)
class KubernetesProviderWatchTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static String refusedPolicy(String namespace) {
    return """
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: SecurityPolicy
        metadata: {name: sp, namespace: %s}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: eg}]
          bogus: true
        """.formatted(namespace);
  }

  private static String refusedRoute(String namespace) {
    return """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: bad, namespace: %s}
        spec:
          bogus: true
        """.formatted(namespace);
  }

  private static boolean reported(KubernetesServe serve, String source) {
    return serve.loop().lastProblems().stream().anyMatch(p -> p.contains(source) && p.contains("spec.bogus"));
  }

  @Test
  void aKindWhoseCrdIsNotInstalled_isSkipped_andReadOnceTheCrdIsInstalled() throws Exception {
    try (MockApiServer api = MockApiServer.crud(); KubernetesClient client = api.client()) {
      ClusterObjects cluster = new ClusterObjects(client);
      cluster.installCrds(ClusterObjects.GATEWAY_API);
      try (KubernetesServe serve = KubernetesServe.against(api, Map.of())) {
        assertThat(eventually(WAIT, () -> serve.loop().last().isPresent())).as("served without the policy CRDs").isTrue();
        assertThat(serve.get("/health/readiness").statusCode()).as("a missing CRD does not hold readiness back").isEqualTo(200);

        cluster.installCrds(List.of("gateway.envoyproxy.io_securitypolicies"));
        cluster.create(refusedPolicy("default"));
        assertThat(eventually(WAIT, () -> reported(serve, "kubernetes: SecurityPolicy default/sp")))
            .as("problems: %s", serve.loop().lastProblems()).isTrue();
      }
    }
  }

  @Test
  void withNamespacesListed_onlyTheirObjectsAreRead() throws Exception {
    try (MockApiServer api = MockApiServer.crud(); KubernetesClient client = api.client()) {
      ClusterObjects cluster = new ClusterObjects(client);
      cluster.installCrds(ClusterObjects.GATEWAY_API);
      cluster.create(refusedRoute("team-a"));
      cluster.create(refusedRoute("team-b"));
      try (KubernetesServe serve = KubernetesServe.against(api, Map.of("tollgate.namespaces", List.of("team-a")))) {
        assertThat(eventually(WAIT, () -> reported(serve, "kubernetes: HTTPRoute team-a/bad")))
            .as("problems: %s", serve.loop().lastProblems()).isTrue();
        assertThat(serve.loop().lastProblems()).noneMatch(p -> p.contains("team-b"));
      }
    }
  }

  @Test
  void beforeTheInformersHaveSynced_notReady_andSaysWhy() throws Exception {
    MockApiServer gone = MockApiServer.crud();
    gone.close(); // an API server that cannot be reached: nothing is ever listed
    try (KubernetesServe serve = KubernetesServe.against(gone, Map.of())) {
      HttpResponse<String> readiness = serve.get("/health/readiness");
      assertThat(readiness.statusCode()).isEqualTo(503);
      assertThat(readiness.body()).contains("the Kubernetes watch has not read every input yet");
      assertThat(serve.loop().last()).as("nothing is translated from a partial listing").isEmpty();
    }
  }
}

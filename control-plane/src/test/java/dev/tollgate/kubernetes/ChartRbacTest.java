package dev.tollgate.kubernetes;

import static dev.tollgate.kubernetes.KubernetesServe.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.deploy.TollgateChart;
import dev.tollgate.kubernetes.infra.ApplyingCrudDispatcher;
import dev.tollgate.kubernetes.infra.ManagedKinds;
import dev.tollgate.kubernetes.infra.ProxyObjects;
import dev.tollgate.serve.xds.auth.GatewayLabels;
import dev.tollgate.serve.xds.auth.TokenAdsStream;
import dev.tollgate.testing.Golden;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatusBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The chart's RBAC against the requests {@code serve --provider kubernetes} makes: serve runs
 * against the mock API server as the chart deploys it (its namespace, a proxy token to review, a
 * Lease to take, statuses to write, a Gateway's infrastructure to apply and delete), every request
 * it makes must be allowed by the rendered rules, and every rule must be used by some request.
 */
@Timeout(90)
class ChartRbacTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  /** The token of serve's kubeconfig ({@link KubernetesServe}): the test's own requests carry none. */
  private static final String SERVE_TOKEN = "test";
  private static final String NAMESPACE = TollgateChart.NAMESPACE;
  private static final String PROXY_POD = "envoy-eg-0";
  /** A second Gateway whose translation references a Secret (its certificate) and a ConfigMap (JWT keys). */
  private static final String REFERENCES = """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: tls, namespace: default}
      spec:
        gatewayClassName: eg
        listeners:
          - {name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: example-cert}]}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: partner-keys, namespace: default}
      data:
        jwks: '{"keys":[{"kty":"oct","kid":"partner","k":"c2VjcmV0LXNpZ25pbmcta2V5LWZvci10ZXN0cw"}]}'
      ---
      apiVersion: gateway.envoyproxy.io/v1alpha1
      kind: SecurityPolicy
      metadata: {name: tls-jwt, namespace: default}
      spec:
        targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: tls}]
        jwt:
          providers:
            - name: partner
              localJWKS: {type: ValueRef, valueRef: {group: "", kind: ConfigMap, name: partner-keys}}
      """;

  @Test
  void defaultValues_grantEveryRequestServeMakes_andNothingElse() throws Exception {
    assertGrantsExactly(Map.of(), Map.of());
  }

  @Test
  void watchedNamespacesAndLeastPrivilege_grantEveryRequestServeMakes_andNothingElse() throws Exception {
    assertGrantsExactly(Map.of("tollgate.namespaces", "default", "tollgate.least-privilege", true),
        Map.of("watchNamespaces[0]", "default", "leastPrivilege.enabled", true, "leastPrivilege.referencedNamespaces[0]", "default"));
  }

  /** serve with {@code settings} against the chart rendered with {@code values}: nothing missing, nothing extra. */
  private static void assertGrantsExactly(Map<String, Object> settings, Map<String, Object> values) throws Exception {
    List<ApiRequest> used = recordServe(settings).stream().flatMap(r -> ApiRequest.parse(r).stream()).toList();
    ChartRbac rbac = ChartRbac.of(TollgateChart.template(values), TollgateChart.RELEASE, NAMESPACE);

    Set<String> missing = used.stream().filter(r -> !rbac.allows(r)).map(ApiRequest::toString).collect(Collectors.toCollection(TreeSet::new));
    assertThat(missing).as("requests the chart's RBAC refuses").isEmpty();

    Set<String> allowed = notExercised(used);
    Set<String> extra = rbac.grants().stream()
        .map(g -> used.stream().anyMatch(g::allows) ? null : key(g.group(), g.resource(), g.verb()) + in(g.namespace()))
        .filter(g -> g != null && !allowed.contains(g))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(extra).as("grants no request used").isEmpty();
  }

  private static String in(String namespace) {
    return " in " + (namespace == null ? "the cluster" : namespace);
  }

  private static String key(String group, String resource, String verb) {
    return verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource;
  }

  /**
   * Grants the code needs that one run against the mock does not exercise, each derived from the
   * code rather than listed: every verb of {@link ManagedKinds} on every managed kind (the test
   * rendering makes some kinds only, and applies create before they exist), and the status
   * subresource of every kind watched in a group whose statuses Tollgate writes, and {@code get} on
   * it, the live read after a conflicting status write (the example has no object of some kinds,
   * and a write conflicts only when the object changed meanwhile).
   */
  private static Set<String> notExercised(List<ApiRequest> used) {
    Set<String> out = new TreeSet<>();
    for (ManagedKinds.ManagedKind k : ManagedKinds.ALL) {
      for (String verb : ManagedKinds.VERBS) {
        out.add(key(k.group(), k.plural(), verb) + in(NAMESPACE));
      }
    }
    // The groups are WatchedKind's status-written ones; ReferenceGrants have no status.
    for (ApiRequest r : used) {
      boolean statusWritten = r.group().equals("gateway.networking.k8s.io") || r.group().equals("gateway.envoyproxy.io");
      if (statusWritten && r.verb().equals("watch") && !r.resource().equals("referencegrants")) {
        out.add(key(r.group(), r.resource() + "/status", "update") + in(r.namespace()));
        out.add(key(r.group(), r.resource(), "get") + in(r.namespace()));
      }
    }
    return out;
  }

  /** serve's requests through statuses, leader election, a proxy's authentication and a Gateway's infrastructure. */
  private static List<String> recordServe(Map<String, Object> settings) throws Exception {
    Path example = Golden.testdata().resolveSibling("deploy").resolve("examples/opa-sidecar");
    String certificate = Files.readString(Golden.testdata().resolve("https/terminate.in.yaml")).split("(?m)^---$")[2];
    String manifests = Files.readString(example.resolve("00-quickstart.yaml")) + "\n---\n" + Files.readString(example.resolve("10-opa.yaml"))
        + "\n---\n" + REFERENCES + "\n---\n" + certificate;
    List<String> requests = new CopyOnWriteArrayList<>();
    try (CrdMockCluster cluster = new CrdMockCluster(new ReviewingDispatcher())) {
      cluster.create(manifests);
      var client = cluster.client();
      String proxy = ProxyObjects.name("default", "eg");
      client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName(PROXY_POD).withNamespace(NAMESPACE)
          .addToLabels(GatewayLabels.NAME, "eg").addToLabels(GatewayLabels.NAMESPACE, "default").endMetadata()
          .withNewSpec().withServiceAccountName(proxy).endSpec().build()).create();
      var deployments = client.apps().deployments().inNamespace(NAMESPACE);
      Map<String, Object> serveSettings = new HashMap<>(Map.of("test.infrastructure-rendering", true, "tollgate.infrastructure.reconcile", true,
          "tollgate.proxy-auth", "kubernetes-token", "tollgate.proxy-auth-namespaces", NAMESPACE,
          "tollgate.infrastructure.namespace", NAMESPACE, "tollgate.leader-election.namespace", NAMESPACE));
      serveSettings.putAll(settings);
      try (KubernetesServe serve = KubernetesServe.against(cluster.url(), serveSettings)) {
        assertThat(eventually(WAIT, () -> deployments.withName(proxy).get() != null)).as("the proxy's Deployment").isTrue();
        assertThat(eventually(WAIT, () -> "True".equals(ClusterObjects.conditionStatus(
            cluster.get("gateway.networking.k8s.io/v1", "HTTPRoute", "default", "backend"), "parents", "Accepted"))))
            .as("the route's status").isTrue();
        assertThat(eventually(WAIT, () -> "True".equals(ClusterObjects.conditionStatus(
            cluster.get("gateway.envoyproxy.io/v1alpha1", "SecurityPolicy", "default", "tls-jwt"), "ancestors", "Accepted"))))
            .as("the status of the policy referencing a ConfigMap").isTrue();
        try (TokenAdsStream stream = new TokenAdsStream(serve.xdsAddress(), "proxy-token", "default/eg")) {
          stream.request("type.googleapis.com/envoy.config.listener.v3.Listener");
          assertThat(eventually(WAIT, () -> {
            requests.addAll(cluster.requestsWithToken(SERVE_TOKEN));
            return requests.stream().anyMatch(r -> r.contains("/pods/" + PROXY_POD));
          })).as("the proxy's pod read").isTrue();
        }
        client.genericKubernetesResources("gateway.networking.k8s.io/v1", "Gateway").inNamespace("default").withName("eg").delete();
        assertThat(eventually(WAIT, () -> deployments.withName(proxy).get() == null)).as("the infrastructure deleted").isTrue();
      }
      requests.addAll(cluster.requestsWithToken(SERVE_TOKEN));
    }
    return new ArrayList<>(requests);
  }

  /** The infrastructure test's mock, answering every TokenReview as the proxy pod's projected token. */
  private static final class ReviewingDispatcher extends ApplyingCrudDispatcher {
    private final KubernetesSerialization json = new KubernetesSerialization();

    @Override
    public MockResponse handleCreate(RecordedRequest request) {
      if (!request.getPath().startsWith("/apis/authentication.k8s.io/v1/tokenreviews")) {
        return super.handleCreate(request);
      }
      TokenReview review = json.unmarshal(request.getUtf8Body(), TokenReview.class);
      String account = ProxyObjects.name("default", "eg");
      review.setStatus(new TokenReviewStatusBuilder().withAuthenticated(true).withAudiences(review.getSpec().getAudiences())
          .withNewUser().withUsername("system:serviceaccount:" + NAMESPACE + ":" + account)
          .withExtra(Map.of("authentication.kubernetes.io/pod-name", List.of(PROXY_POD))).endUser().build());
      return new MockResponse().setResponseCode(201).setBody(json.asJson(review));
    }
  }
}

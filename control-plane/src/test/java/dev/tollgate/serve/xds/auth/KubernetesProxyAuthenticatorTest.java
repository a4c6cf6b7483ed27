package dev.tollgate.serve.xds.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The authenticator against the mock API server, without a daemon around it. */
class KubernetesProxyAuthenticatorTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static TokenReviewingApiServer api;
  private static NamespacedKubernetesClient client;

  @BeforeAll
  static void start() {
    api = new TokenReviewingApiServer();
    client = api.client();
    client.pods().inNamespace("tollgate-system").resource(new PodBuilder().withNewMetadata().withName("envoy-b-1")
        .withNamespace("tollgate-system").addToLabels(GatewayLabels.NAME, "b").addToLabels(GatewayLabels.NAMESPACE, "team-b")
        .endMetadata().withNewSpec().withServiceAccountName("envoy").endSpec().build()).create();
  }

  @AfterAll
  static void stop() {
    client.close();
    api.close();
  }

  private static KubernetesProxyAuthenticator authenticator() {
    return new KubernetesProxyAuthenticator(client, ProxyAuthSettings.DEFAULT_AUDIENCE, Set.of("tollgate-system"),
        Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static String jwt(Instant expires) {
    String payload = "{\"exp\":" + expires.getEpochSecond() + "}";
    return "eyJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + ".c2ln";
  }

  @Test
  void podInAProxyNamespace_mayServeAGatewayOfAnotherNamespace_untilItsTokenExpires() {
    String token = jwt(NOW.plusSeconds(90));
    api.podToken(token, "tollgate-system", "envoy", "envoy-b-1", null);
    ProxyAuthResult result = authenticator().authenticate(token);
    assertThat(result.identity()).map(ProxyIdentity::gateway).contains("team-b/b");
    assertThat(result.identity().get().expires()).as("the token's exp, sooner than the cache's limit").isEqualTo(NOW.plusSeconds(90));
  }

  @Test
  void longLivedToken_isReviewedAgainAfterTheCacheAge() {
    String token = jwt(NOW.plus(Duration.ofDays(1)));
    api.podToken(token, "tollgate-system", "envoy", "envoy-b-1", null);
    assertThat(authenticator().authenticate(token).identity().get().expires()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
  }

  @Test
  void tokenOfAUser_orOfAServiceAccountBoundToNoPod_provesNoPod() {
    api.userToken("user-token", "jane@example.com");
    api.userToken("unbound-token", "system:serviceaccount:tollgate-system:envoy");
    ProxyAuthResult user = authenticator().authenticate("user-token");
    assertThat(user.rejection()).isEqualTo(Rejection.NOT_A_POD);
    assertThat(user.detail()).isEqualTo("the token belongs to jane@example.com, not a ServiceAccount");
    ProxyAuthResult unbound = authenticator().authenticate("unbound-token");
    assertThat(unbound.rejection()).isEqualTo(Rejection.NOT_A_POD);
    assertThat(unbound.detail()).contains("is not bound to a pod");
  }

  @Test
  void tokenOfAnotherServiceAccountThanThePodRunsAs_provesNoGateway() {
    api.podToken("other-account", "tollgate-system", "intruder", "envoy-b-1", null);
    ProxyAuthResult result = authenticator().authenticate("other-account");
    assertThat(result.rejection()).isEqualTo(Rejection.NO_GATEWAY);
    assertThat(result.detail()).isEqualTo("pod tollgate-system/envoy-b-1 runs as ServiceAccount envoy, not intruder of the token");
  }

  @Test
  void unreachableApiServer_isAReviewFailure_notARefusedToken() {
    TokenReviewingApiServer down = new TokenReviewingApiServer();
    String url = down.client().getConfiguration().getMasterUrl();
    down.close();
    // No retries: the default client retries with backoff for about 20 s before it gives up.
    KubernetesClient downClient = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(url)
        .withRequestRetryBackoffLimit(0).build()).build();
    ProxyAuthResult result = new KubernetesProxyAuthenticator(downClient, ProxyAuthSettings.DEFAULT_AUDIENCE, Set.of(),
        Duration.ofMinutes(5), Clock.systemUTC()).authenticate("any");
    downClient.close();
    assertThat(result.rejection()).isEqualTo(Rejection.REVIEW_FAILED);
    assertThat(result.detail()).startsWith("TokenReview failed");
  }
}

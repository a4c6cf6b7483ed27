package dev.tollgate.serve.xds.auth;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatusBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * fabric8's CRUD mock API server, which also answers TokenReviews as the real one would: from
 * tokens the test registers, each authenticated as a pod-bound ServiceAccount token or refused.
 */
final class TokenReviewingApiServer implements AutoCloseable {

  static final String TOKEN_REVIEWS = "/apis/authentication.k8s.io/v1/tokenreviews";

  private final Map<String, TokenReviewStatus> answers = new ConcurrentHashMap<>();
  private final List<TokenReview> reviews = new ArrayList<>();
  private final KubernetesSerialization json = new KubernetesSerialization();
  private final KubernetesMockServer server;

  TokenReviewingApiServer() {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new Dispatcher(), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
  }

  /** The token reviews as the ServiceAccount {@code namespace/account} of pod {@code namespace/pod}. */
  void podToken(String token, String namespace, String account, String pod, String podUid) {
    Map<String, List<String>> extra = new HashMap<>();
    extra.put(KubernetesProxyAuthenticator.POD_NAME, List.of(pod));
    if (podUid != null) {
      extra.put(KubernetesProxyAuthenticator.POD_UID, List.of(podUid));
    }
    answers.put(token, new TokenReviewStatusBuilder().withAuthenticated(true).withAudiences(ProxyAuthSettings.DEFAULT_AUDIENCE)
        .withNewUser().withUsername("system:serviceaccount:" + namespace + ":" + account)
        .withGroups("system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated")
        .withExtra(extra).endUser().build());
  }

  /** The token reviews as authenticated for {@code username}, bound to no pod. */
  void userToken(String token, String username) {
    answers.put(token, new TokenReviewStatusBuilder().withAuthenticated(true).withAudiences(ProxyAuthSettings.DEFAULT_AUDIENCE)
        .withNewUser().withUsername(username).endUser().build());
  }

  /** The token reviews as not authenticated, with the API server's error. */
  void invalidToken(String token, String error) {
    answers.put(token, new TokenReviewStatusBuilder().withAuthenticated(false).withError(error).build());
  }

  synchronized List<TokenReview> reviews() {
    return List.copyOf(reviews);
  }

  NamespacedKubernetesClient client() {
    return server.createClient();
  }

  @Override
  public void close() {
    server.destroy();
  }

  private final class Dispatcher extends KubernetesCrudDispatcher {
    @Override
    public MockResponse handleCreate(RecordedRequest request) {
      if (!request.getPath().startsWith(TOKEN_REVIEWS)) {
        return super.handleCreate(request);
      }
      TokenReview review = json.unmarshal(request.getUtf8Body(), TokenReview.class);
      synchronized (TokenReviewingApiServer.this) {
        reviews.add(review);
      }
      TokenReviewStatus answer = review.getSpec().getAudiences().contains(ProxyAuthSettings.DEFAULT_AUDIENCE)
          ? answers.get(review.getSpec().getToken()) : null;
      review.setStatus(answer != null ? answer : new TokenReviewStatusBuilder().withAuthenticated(false)
          .withError("[invalid bearer token, token lookup failed]").build());
      return new MockResponse().setResponseCode(201).setBody(json.asJson(review));
    }
  }
}

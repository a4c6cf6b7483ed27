package dev.tollgate.serve.xds.auth;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proves a proxy's Gateway from a projected ServiceAccount token, as Envoy Gateway does: a
 * TokenReview with Tollgate's audience says whose token it is and which pod it is bound to; that
 * pod's labels ({@link GatewayLabels}) name the Gateway. A pod may claim a Gateway of its own
 * namespace, or any Gateway when it runs in one of the proxy namespaces (Tollgate's own, where
 * proxies of every Gateway run), so creating pods elsewhere never grants another team's Gateway.
 */
public final class KubernetesProxyAuthenticator implements TokenAuthenticator {

  static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";
  static final String POD_NAME = "authentication.kubernetes.io/pod-name";
  static final String POD_UID = "authentication.kubernetes.io/pod-uid";

  private final KubernetesClient client;
  private final String audience;
  private final Set<String> proxyNamespaces;
  private final Duration maxCacheAge;
  private final Clock clock;
  private final IdentityCache cache = new IdentityCache(10_000);

  /**
   * @param proxyNamespaces where pods may serve a Gateway of another namespace
   * @param maxCacheAge how long a proved identity is reused at most, even when its token lives longer
   */
  public KubernetesProxyAuthenticator(KubernetesClient client, String audience, Set<String> proxyNamespaces,
      Duration maxCacheAge, Clock clock) {
    this.client = client;
    this.audience = audience;
    this.proxyNamespaces = Set.copyOf(proxyNamespaces);
    this.maxCacheAge = maxCacheAge;
    this.clock = clock;
  }

  /** Who presents this token; the token itself never appears in the result. */
  @Override
  public ProxyAuthResult authenticate(String token) {
    Instant now = clock.instant();
    Optional<ProxyIdentity> cached = cache.get(token, now);
    if (cached.isPresent()) {
      return ProxyAuthResult.proved(cached.get());
    }
    TokenReviewStatus status;
    try {
      TokenReview review = client.authentication().v1().tokenReviews().create(new TokenReviewBuilder()
          .withNewSpec().withToken(token).withAudiences(audience).endSpec().build());
      status = review.getStatus();
    } catch (KubernetesClientException e) {
      return ProxyAuthResult.rejected(Rejection.REVIEW_FAILED, "TokenReview failed (HTTP " + e.getCode() + ")");
    }
    if (status == null || !Boolean.TRUE.equals(status.getAuthenticated())) {
      String error = status == null || status.getError() == null || status.getError().isEmpty() ? "" : ": " + status.getError();
      return ProxyAuthResult.rejected(Rejection.INVALID_TOKEN, "the token is not valid for audience " + audience + error);
    }
    UserInfo user = status.getUser();
    String username = user == null || user.getUsername() == null ? "" : user.getUsername();
    String[] account = username.startsWith(SERVICE_ACCOUNT_PREFIX)
        ? username.substring(SERVICE_ACCOUNT_PREFIX.length()).split(":", -1) : new String[0];
    if (account.length != 2) {
      return ProxyAuthResult.rejected(Rejection.NOT_A_POD, "the token belongs to " + username + ", not a ServiceAccount");
    }
    Map<String, List<String>> extra = user.getExtra() == null ? Map.of() : user.getExtra();
    Optional<String> podName = first(extra, POD_NAME);
    if (podName.isEmpty()) {
      return ProxyAuthResult.rejected(Rejection.NOT_A_POD, "the token of ServiceAccount " + account[0] + "/" + account[1]
          + " is not bound to a pod (mount a projected token)");
    }
    return gatewayOf(token, account[0], account[1], podName.get(), first(extra, POD_UID), now);
  }

  private ProxyAuthResult gatewayOf(String token, String namespace, String serviceAccount, String podName,
      Optional<String> podUid, Instant now) {
    String pod = namespace + "/" + podName;
    Pod found;
    try {
      found = client.pods().inNamespace(namespace).withName(podName).get();
    } catch (KubernetesClientException e) {
      return ProxyAuthResult.rejected(Rejection.REVIEW_FAILED, "pod " + pod + " could not be read (HTTP " + e.getCode() + ")");
    }
    if (found == null || podUid.isPresent() && !podUid.get().equals(found.getMetadata().getUid())) {
      return ProxyAuthResult.rejected(Rejection.NO_GATEWAY, "pod " + pod + " of the token no longer exists");
    }
    String podAccount = found.getSpec() == null || found.getSpec().getServiceAccountName() == null
        ? "default" : found.getSpec().getServiceAccountName();
    if (!podAccount.equals(serviceAccount)) {
      return ProxyAuthResult.rejected(Rejection.NO_GATEWAY, "pod " + pod + " runs as ServiceAccount " + podAccount
          + ", not " + serviceAccount + " of the token");
    }
    Map<String, String> labels = found.getMetadata().getLabels() == null ? Map.of() : found.getMetadata().getLabels();
    String gatewayName = labels.get(GatewayLabels.NAME);
    String gatewayNamespace = labels.get(GatewayLabels.NAMESPACE);
    if (gatewayName == null || gatewayNamespace == null) {
      return ProxyAuthResult.rejected(Rejection.NO_GATEWAY, "pod " + pod + " lacks the label "
          + (gatewayName == null ? GatewayLabels.NAME : GatewayLabels.NAMESPACE));
    }
    if (!gatewayNamespace.equals(namespace) && !proxyNamespaces.contains(namespace)) {
      return ProxyAuthResult.rejected(Rejection.NO_GATEWAY, "pod " + pod + " claims Gateway " + gatewayNamespace + "/"
          + gatewayName + " of another namespace, and " + namespace + " is not a proxy namespace");
    }
    Instant limit = now.plus(maxCacheAge);
    Instant expires = TokenExpiry.of(token).filter(limit::isAfter).orElse(limit);
    ProxyIdentity identity = new ProxyIdentity("pod " + pod, gatewayNamespace + "/" + gatewayName, expires);
    cache.put(token, identity);
    return ProxyAuthResult.proved(identity);
  }

  private static Optional<String> first(Map<String, List<String>> extra, String key) {
    List<String> values = extra.get(key);
    return values == null || values.isEmpty() || values.get(0) == null || values.get(0).isEmpty()
        ? Optional.empty() : Optional.of(values.get(0));
  }
}

package dev.tollgate.serve.xds.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The proxy authentication settings, under {@code tollgate.*} beside the daemon's others. */
@ConfigurationProperties("tollgate")
public class ProxyAuthSettings {

  public static final String DEFAULT_AUDIENCE = "tollgate.dev/xds";

  /**
   * {@code kubernetes-token}, {@code client-certificate} or {@code none}; unset: {@code kubernetes-token}
   * when the provider is Kubernetes, else {@code none}.
   */
  private String proxyAuth;
  /** The audience proxies' projected tokens are issued for; a token for another audience proves nothing. */
  private String proxyAuthAudience = DEFAULT_AUDIENCE;
  /** Namespaces whose pods may serve a Gateway of another namespace; empty: Tollgate's own namespace. */
  private List<String> proxyAuthNamespaces = new ArrayList<>();
  /** How long a proved identity is reused at most before the token is reviewed again. */
  private Duration proxyAuthCacheAge = Duration.ofMinutes(5);

  public String getProxyAuth() {
    return proxyAuth;
  }

  public void setProxyAuth(String proxyAuth) {
    this.proxyAuth = proxyAuth;
  }

  public String getProxyAuthAudience() {
    return proxyAuthAudience;
  }

  public void setProxyAuthAudience(String proxyAuthAudience) {
    this.proxyAuthAudience = proxyAuthAudience;
  }

  public List<String> getProxyAuthNamespaces() {
    return proxyAuthNamespaces;
  }

  public void setProxyAuthNamespaces(List<String> proxyAuthNamespaces) {
    this.proxyAuthNamespaces = proxyAuthNamespaces;
  }

  public Duration getProxyAuthCacheAge() {
    return proxyAuthCacheAge;
  }

  public void setProxyAuthCacheAge(Duration proxyAuthCacheAge) {
    this.proxyAuthCacheAge = proxyAuthCacheAge;
  }
}

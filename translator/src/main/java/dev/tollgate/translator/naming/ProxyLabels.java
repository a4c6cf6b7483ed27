package dev.tollgate.translator.naming;

/**
 * The labels on the objects that run a Gateway's proxies: Envoy Gateway's owning-gateway labels,
 * which name the Gateway, and {@code app.kubernetes.io/managed-by}, which says Tollgate made the
 * object. Here, in the translator, because it reads them too (a Gateway's addresses come from its
 * proxies' Service); the renderer, the reconciler and proxy authentication use the same names.
 */
public final class ProxyLabels {

  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_TOLLGATE = "tollgate";
  public static final String OWNING_GATEWAY_NAME = "gateway.envoyproxy.io/owning-gateway-name";
  public static final String OWNING_GATEWAY_NAMESPACE = "gateway.envoyproxy.io/owning-gateway-namespace";

  private ProxyLabels() {}
}

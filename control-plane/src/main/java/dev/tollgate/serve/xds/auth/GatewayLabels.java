package dev.tollgate.serve.xds.auth;

/**
 * The pod labels that say which Gateway a proxy serves: Envoy Gateway's, so proxy infrastructure
 * rendered for either control plane is recognised the same way.
 */
public final class GatewayLabels {

  public static final String NAME = "gateway.envoyproxy.io/owning-gateway-name";
  public static final String NAMESPACE = "gateway.envoyproxy.io/owning-gateway-namespace";

  private GatewayLabels() {}
}

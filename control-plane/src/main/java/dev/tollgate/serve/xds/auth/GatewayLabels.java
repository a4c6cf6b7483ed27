package dev.tollgate.serve.xds.auth;

import dev.tollgate.translator.naming.ProxyLabels;

/**
 * The pod labels that say which Gateway a proxy serves: Envoy Gateway's, so proxy infrastructure
 * rendered for either control plane is recognised the same way.
 */
public final class GatewayLabels {

  public static final String NAME = ProxyLabels.OWNING_GATEWAY_NAME;
  public static final String NAMESPACE = ProxyLabels.OWNING_GATEWAY_NAMESPACE;

  private GatewayLabels() {}
}

package dev.tollgate.infra;

/**
 * What the renderer needs to know beyond the Gateways and their EnvoyProxies: where the proxies
 * run and how they reach Tollgate.
 *
 * @param namespace the infrastructure namespace every object is placed in
 * @param xdsAddress {@code host:port} of Tollgate's xDS Service, as the proxies resolve it
 * @param envoyImage the Envoy image, unless an EnvoyProxy names one
 * @param xdsCaConfigMap a ConfigMap in {@code namespace} with {@code ca.crt}: the proxies connect
 *     over TLS and verify Tollgate with it; null for plaintext
 * @param tokenAudience the audience of the projected ServiceAccount token each proxy sends to prove
 *     its Gateway; null when proxies are not authenticated by token
 */
public record InfrastructureSettings(String namespace, String xdsAddress, String envoyImage, String xdsCaConfigMap,
    String tokenAudience) {

  public static final String DEFAULT_ENVOY_IMAGE = "envoyproxy/envoy:distroless-v1.36.2";
  public static final int DEFAULT_XDS_PORT = 18000;

  public InfrastructureSettings {
    xdsAddress = xdsAddress == null || xdsAddress.isBlank() ? defaultXdsAddress(namespace) : xdsAddress;
    envoyImage = envoyImage == null || envoyImage.isBlank() ? DEFAULT_ENVOY_IMAGE : envoyImage;
    xdsCaConfigMap = xdsCaConfigMap == null || xdsCaConfigMap.isBlank() ? null : xdsCaConfigMap;
    tokenAudience = tokenAudience == null || tokenAudience.isBlank() ? null : tokenAudience;
  }

  /** Where the chart's xDS Service is for a release named {@code tollgate} in the namespace. */
  public static String defaultXdsAddress(String namespace) {
    return "tollgate." + namespace + ".svc:" + DEFAULT_XDS_PORT;
  }
}

package dev.tollgate.translator.naming;

/**
 * Every xDS resource name Tollgate generates, in one place. The scheme is Envoy Gateway's v1
 * naming, so EnvoyPatchPolicies and extension servers written for Envoy Gateway address the same
 * resources here.
 */
public final class XdsNames {

  /** A route rule whose backends are partly invalid sends that share of traffic here (it never exists). */
  public static final String INVALID_BACKEND_CLUSTER = "invalid-backend-cluster";

  /** Gateway listener ports below this are shifted up by it, so Envoy needs no privileges to bind. */
  private static final int PRIVILEGED_PORT_SHIFT = 10000;

  private XdsNames() {}

  /** {@code namespace/name}: the key of a Gateway's configuration, matched against the proxy's node. */
  public static String gateway(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** {@code namespace/gateway/listener}: the Envoy listener, its filter chain and its route configuration. */
  public static String listener(String namespace, String gateway, String listener) {
    return namespace + "/" + gateway + "/" + listener;
  }

  /** {@code <listener>/www_example_com}; {@code *} stays as is. */
  public static String virtualHost(String listenerName, String hostname) {
    return listenerName + "/" + underscored(hostname);
  }

  /** {@code httproute/ns/name/rule/i}: a route rule, and the cluster its backends form. */
  public static String routeRule(String routeKind, String namespace, String name, int ruleIndex) {
    return routeKind.toLowerCase(java.util.Locale.ROOT) + "/" + namespace + "/" + name + "/rule/" + ruleIndex;
  }

  /** {@code <rule>/match/j/www_example_com}; a rule without matches uses match index -1. */
  public static String route(String routeRule, int matchIndex, String hostname) {
    return routeRule + "/match/" + matchIndex + "/" + underscored(hostname);
  }

  /** {@code <cluster>/backend/k}: the locality grouping one backendRef's endpoints. */
  public static String backend(String cluster, int backendIndex) {
    return cluster + "/backend/" + backendIndex;
  }

  /** {@code <cluster>-mirror-k}: the cluster a RequestMirror filter (filter index k) sends copies to. */
  public static String mirror(String cluster, int filterIndex) {
    return cluster + "-mirror-" + filterIndex;
  }

  /** {@code securitypolicy/ns/name}: a policy, as its resources are prefixed. */
  public static String policy(String kind, String namespace, String name) {
    return kind.toLowerCase(java.util.Locale.ROOT) + "/" + namespace + "/" + name;
  }

  /** {@code securitypolicy.ns.name.}: prefixes the statistics and metadata a policy's filters emit. */
  public static String policyStatPrefix(String policy) {
    return policy.replace('/', '.') + ".";
  }

  /** {@code securitypolicy/ns/name/extauth/0}: the cluster of a policy's backends for one feature. */
  public static String policyCluster(String policy, String feature, int index) {
    return policy + "/" + feature + "/" + index;
  }

  /** {@code raw_githubusercontent_com_443}: the cluster that fetches remote JWKS from a host by DNS. */
  public static String jwksCluster(String host, int port) {
    return underscored(host) + "_" + port;
  }

  /** {@code envoy.filters.http.ext_authz/securitypolicy/ns/name}: a policy's own external authorization filter. */
  public static String policyFilter(String filter, String policy) {
    return filter + "/" + policy;
  }

  /** {@code <route>/<provider>}: a JWT provider in the listener's jwt_authn filter, one per route and provider. */
  public static String jwtProvider(String routeName, String provider) {
    return routeName + "/" + provider;
  }

  /** Whether a route (by its name) was generated from rule {@code ruleIndex} of a route object. */
  public static boolean isRouteOfRule(String routeName, String routeKind, String namespace, String name, int ruleIndex) {
    return routeName.startsWith(routeRule(routeKind, namespace, name, ruleIndex) + "/");
  }

  /** {@code namespace/name}: the SDS secret holding a certificate from a Kubernetes Secret. */
  public static String secret(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** {@code http-10080} or {@code https-10443}. */
  public static String statPrefix(boolean tls, int port) {
    return (tls ? "https-" : "http-") + port;
  }

  /** The port Envoy binds for a Gateway listener port. */
  public static int containerPort(int gatewayPort) {
    return gatewayPort < 1024 ? gatewayPort + PRIVILEGED_PORT_SHIFT : gatewayPort;
  }

  private static String underscored(String hostname) {
    return hostname.replace('.', '_');
  }
}

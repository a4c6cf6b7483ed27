package dev.tollgate.infra;

import dev.tollgate.serve.xds.auth.GatewayLabels;
import dev.tollgate.translator.naming.ProxyLabels;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels on every object of a Gateway's proxy infrastructure. Envoy Gateway's owning-gateway
 * labels name the Gateway (its users' selectors and dashboards keep working, and proxy
 * authentication reads them off the pod); {@code app.kubernetes.io/managed-by} says Tollgate made
 * the object, so the reconciler finds, and only ever removes, what it made.
 */
public final class InfrastructureLabels {

  public static final String MANAGED_BY = ProxyLabels.MANAGED_BY;
  public static final String MANAGED_BY_TOLLGATE = ProxyLabels.MANAGED_BY_TOLLGATE;
  public static final String NAME = "app.kubernetes.io/name";
  public static final String COMPONENT = "app.kubernetes.io/component";

  private InfrastructureLabels() {}

  /** The labels selecting one Gateway's objects (and its proxy pods). */
  public static Map<String, String> forGateway(String namespace, String name) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(NAME, "envoy");
    labels.put(COMPONENT, "proxy");
    labels.put(MANAGED_BY, MANAGED_BY_TOLLGATE);
    labels.put(GatewayLabels.NAMESPACE, namespace);
    labels.put(GatewayLabels.NAME, name);
    return labels;
  }
}

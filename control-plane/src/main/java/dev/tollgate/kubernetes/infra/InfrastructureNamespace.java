package dev.tollgate.kubernetes.infra;

import java.util.Map;

/**
 * The namespace every proxy's objects live in: {@code tollgate.infrastructure.namespace} when set,
 * else the namespace Tollgate runs in ({@code POD_NAMESPACE}, from the downward API), else
 * {@code tollgate-system}. The renderer places objects there and the reconciler looks for what it
 * made there only, so both must resolve it the same way: through this.
 */
public final class InfrastructureNamespace {

  public static final String DEFAULT = "tollgate-system";

  private InfrastructureNamespace() {}

  public static String resolve(String configured, Map<String, String> env) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    String pod = env.get("POD_NAMESPACE");
    return pod != null && !pod.isBlank() ? pod : DEFAULT;
  }
}

package dev.tollgate.infra.merge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Applies the patches an EnvoyProxy carries for the proxy's Kubernetes objects
 * ({@code provider.kubernetes.envoyDeployment.patch}, {@code envoyDaemonSet.patch},
 * {@code envoyService.patch}, {@code envoyHpa.patch}, {@code envoyPDB.patch}): a {@code type} and a
 * {@code value}, applied to the Deployment, DaemonSet, Service, HorizontalPodAutoscaler or
 * PodDisruptionBudget that Tollgate renders.
 */
public final class ObjectPatches {
  public static final String STRATEGIC_MERGE = "StrategicMerge";
  public static final String JSON_MERGE = "JSONMerge";

  private ObjectPatches() {}

  /**
   * The target with the patch applied, as a new tree: neither input is changed, and the result
   * shares no nodes with them.
   *
   * @param type {@code StrategicMerge} or {@code JSONMerge}; null means StrategicMerge, Envoy
   *     Gateway's default
   */
  public static JsonNode apply(String type, JsonNode target, JsonNode patch) throws PatchException {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(patch, "patch");
    if (type == null || type.equals(STRATEGIC_MERGE)) {
      return StrategicMergePatch.apply(target, patch);
    }
    if (type.equals(JSON_MERGE)) {
      return JsonMergePatch.apply(target, patch);
    }
    throw new PatchException(
        "", "unknown patch type " + type + "; " + STRATEGIC_MERGE + " or " + JSON_MERGE);
  }
}

package dev.tollgate.kubernetes.infra;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of proxy infrastructure the reconciler applies, watches and deletes, and the API verbs
 * it uses on them: the one list Tollgate's RBAC is checked against. A rendered object of any other
 * kind is refused (reported, never written), so the reconciler never needs a permission this table
 * does not name.
 */
public final class ManagedKinds {

  /** One kind the reconciler manages, as the API server serves it. */
  public record ManagedKind(String group, String version, String kind, String plural) {

    public String apiVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }

    ResourceDefinitionContext context() {
      return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
          .withPlural(plural).withNamespaced(true).build();
    }
  }

  /**
   * The verbs used on every managed kind, in the infrastructure namespace only: {@code list} and
   * {@code watch} (an informer per kind, selecting {@code app.kubernetes.io/managed-by=tollgate}),
   * {@code patch} (server-side apply), {@code create} (the API server authorizes a server-side apply
   * that creates an object as a create), {@code delete} (objects no Gateway wants any more).
   */
  public static final List<String> VERBS = List.of("create", "delete", "list", "patch", "watch");

  /** In the order objects are best applied: what the Deployment mounts and uses first. */
  public static final List<ManagedKind> ALL = List.of(
      new ManagedKind("", "v1", "ServiceAccount", "serviceaccounts"),
      new ManagedKind("", "v1", "ConfigMap", "configmaps"),
      new ManagedKind("", "v1", "Secret", "secrets"),
      new ManagedKind("apps", "v1", "Deployment", "deployments"),
      new ManagedKind("apps", "v1", "DaemonSet", "daemonsets"),
      new ManagedKind("", "v1", "Service", "services"),
      new ManagedKind("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers"),
      new ManagedKind("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets"));

  private ManagedKinds() {}

  /** The managed kind of an object's apiVersion and kind; empty for any other. */
  public static Optional<ManagedKind> of(String apiVersion, String kind) {
    return ALL.stream().filter(k -> k.apiVersion().equals(apiVersion) && k.kind().equals(kind)).findFirst();
  }
}

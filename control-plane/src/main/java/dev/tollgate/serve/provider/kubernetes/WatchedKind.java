package dev.tollgate.serve.provider.kubernetes;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * A kind as the API server serves it: the version watched (one the cluster serves and Tollgate
 * reads), its resource name and scope.
 */
record WatchedKind(String group, String kind, String version, String plural, boolean namespaced) {

  /** The groups whose statuses Tollgate writes; what it writes there is output, never input. */
  private static final java.util.Set<String> STATUS_WRITTEN = java.util.Set.of("gateway.networking.k8s.io",
      "gateway.envoyproxy.io");

  /**
   * True when a change of the object's status alone changes nothing Tollgate reads: its own
   * status writes then come back as watch events that need no translation.
   */
  boolean statusIsOutput() {
    return STATUS_WRITTEN.contains(group);
  }

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withPlural(plural)
        .withKind(kind).withNamespaced(namespaced).build();
  }

  @Override
  public String toString() {
    return kind + " (" + apiVersion() + ")";
  }
}

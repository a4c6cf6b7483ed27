package dev.tollgate.serve.provider.kubernetes;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * A kind as the API server serves it: the version watched (one the cluster serves and Tollgate
 * reads), its resource name and scope.
 */
record WatchedKind(String group, String kind, String version, String plural, boolean namespaced) {

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

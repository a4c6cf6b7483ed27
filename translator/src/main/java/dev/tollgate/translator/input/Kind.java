package dev.tollgate.translator.input;

import dev.tollgate.translator.model.KubernetesObject;
import java.util.Set;

/**
 * One kind Tollgate reads: its API group, the versions accepted, the Java type it binds to and
 * whether its objects live in a namespace. Unknown fields are reported for the kinds whose every
 * field changes what Envoy does; core kinds carry many fields Tollgate has no use for.
 */
public record Kind(
    String group,
    String kind,
    Set<String> versions,
    Class<? extends KubernetesObject> type,
    boolean namespaced,
    boolean reportUnknownFields) {

  public boolean accepts(String version) {
    return versions.contains(version);
  }

  public String apiVersionOf(String version) {
    return group.isEmpty() ? version : group + "/" + version;
  }
}

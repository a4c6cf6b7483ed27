package dev.tollgate.serve.provider.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Whether two versions of an object differ only in their status (and the bookkeeping every write
 * changes: resourceVersion, managedFields). The predicate controllers use so that writing a
 * status does not make them reconcile again.
 */
final class StatusOnlyChange {

  private StatusOnlyChange() {}

  static boolean between(HasMetadata before, HasMetadata after) {
    if (!(before instanceof GenericKubernetesResource b) || !(after instanceof GenericKubernetesResource a)) {
      return false;
    }
    return Objects.equals(b.getApiVersion(), a.getApiVersion()) && Objects.equals(b.getKind(), a.getKind())
        && withoutBookkeeping(b.getMetadata()).equals(withoutBookkeeping(a.getMetadata()))
        && withoutStatus(b.getAdditionalProperties()).equals(withoutStatus(a.getAdditionalProperties()));
  }

  private static ObjectMeta withoutBookkeeping(ObjectMeta meta) {
    return meta == null ? new ObjectMeta()
        : new ObjectMetaBuilder(meta).withResourceVersion(null).withManagedFields().build();
  }

  private static Map<String, Object> withoutStatus(Map<String, Object> properties) {
    Map<String, Object> out = new HashMap<>(properties == null ? Map.of() : properties);
    out.remove("status");
    return out;
  }
}

package dev.tollgate.kubernetes.status;

import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.status.ObjectStatus;
import dev.tollgate.translator.status.PolicyStatus;
import dev.tollgate.translator.status.RouteStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Route parents and policy ancestors with Tollgate's controllerName that no translation accounts
 * for: left by an earlier run (or another replica) before the object moved away from Tollgate's
 * Gateways, or while Tollgate was down. Without a sweep they would claim Accepted forever.
 */
final class StrayStatuses {

  private StrayStatuses() {}

  /**
   * The objects to remove Tollgate's entries from: each as an empty status of its type, to be
   * offered as no longer present.
   */
  static List<ObjectStatus> find(List<LiveObjects.Cached> objects, String controllerName, Set<ObjectKey> accounted) {
    List<ObjectStatus> out = new ArrayList<>();
    for (LiveObjects.Cached cached : objects) {
      GenericKubernetesResource o = cached.object();
      if (o.getMetadata() == null || !(o.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
        continue;
      }
      String namespace = o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace();
      ObjectKey key = new ObjectKey(cached.kind(), namespace, o.getMetadata().getName());
      if (accounted.contains(key)) {
        continue;
      }
      if (hasEntryOf(status.get("parents"), controllerName)) {
        out.add(new ObjectStatus(cached.apiVersion(), cached.kind(), namespace, key.name(), new RouteStatus(List.of())));
      } else if (hasEntryOf(status.get("ancestors"), controllerName)) {
        out.add(new ObjectStatus(cached.apiVersion(), cached.kind(), namespace, key.name(), new PolicyStatus(List.of())));
      }
    }
    return out;
  }

  private static boolean hasEntryOf(Object entries, String controllerName) {
    return entries instanceof List<?> list
        && list.stream().anyMatch(e -> e instanceof Map<?, ?> m && controllerName.equals(m.get("controllerName")));
  }
}

package dev.tollgate.kubernetes.infra;

import dev.tollgate.infra.InfrastructureLabels;
import dev.tollgate.infra.RenderedGateway;
import dev.tollgate.kubernetes.infra.ManagedKinds.ManagedKind;
import dev.tollgate.serve.xds.auth.GatewayLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one render wants in the cluster: the objects to apply, in order, and the Gateways whose
 * objects are left as they are because their rendering has problems. A Gateway's objects are
 * applied all or not at all: one object the reconciler cannot manage (a kind outside
 * {@link ManagedKinds}, another namespace, no managed-by label, a name another Gateway's object
 * has) keeps the whole Gateway as it runs now, and is reported as its problem.
 *
 * @param objects by key, in apply order
 * @param kept the Gateways ({@code namespace/name}) whose current objects are neither applied nor deleted
 * @param problems by Gateway, sorted
 */
record DesiredObjects(Map<ManagedKey, Desired> objects, Set<String> kept, Map<String, List<String>> problems) {

  /** One object to apply, and the tree it is compared by. */
  record Desired(ManagedKind kind, GenericKubernetesResource object, Map<String, Object> tree) {}

  static DesiredObjects of(List<RenderedGateway> rendered, String namespace, KubernetesSerialization serialization) {
    Map<ManagedKey, Desired> objects = new LinkedHashMap<>();
    Map<ManagedKey, String> wantedBy = new TreeMap<>();
    Set<String> kept = new TreeSet<>();
    Map<String, List<String>> problems = new TreeMap<>();
    for (RenderedGateway g : rendered) {
      List<String> found = new ArrayList<>(g.problems());
      Map<ManagedKey, Desired> own = new LinkedHashMap<>();
      if (found.isEmpty()) {
        for (HasMetadata o : g.objects()) {
          String problem = check(o, g, namespace);
          ManagedKey key = problem == null ? new ManagedKey(o.getKind(), o.getMetadata().getName()) : null;
          if (problem == null && (own.containsKey(key) || wantedBy.containsKey(key))) {
            problem = key + " is rendered twice (also for Gateway " + wantedBy.getOrDefault(key, g.gateway()) + ")";
          }
          if (problem != null) {
            found.add(problem);
            continue;
          }
          GenericKubernetesResource generic = serialization.convertValue(o, GenericKubernetesResource.class);
          generic.getMetadata().setNamespace(namespace);
          @SuppressWarnings("unchecked")
          Map<String, Object> tree = serialization.convertValue(generic, Map.class);
          own.put(key, new Desired(ManagedKinds.of(o.getApiVersion(), o.getKind()).orElseThrow(), generic, tree));
        }
      }
      if (!found.isEmpty()) {
        kept.add(g.gateway());
        problems.put(g.gateway(), List.copyOf(found));
        continue;
      }
      own.keySet().forEach(k -> wantedBy.put(k, g.gateway()));
      objects.putAll(own);
    }
    return new DesiredObjects(sorted(objects), kept, problems);
  }

  /** Why the reconciler cannot manage this object; null when it can. */
  private static String check(HasMetadata o, RenderedGateway g, String namespace) {
    String what = o.getKind() + " " + (o.getMetadata() == null ? "(unnamed)" : o.getMetadata().getName());
    if (o.getMetadata() == null || o.getMetadata().getName() == null || o.getMetadata().getName().isEmpty()) {
      return o.getKind() + ": metadata.name: Required value";
    }
    if (ManagedKinds.of(o.getApiVersion(), o.getKind()).isEmpty()) {
      return what + ": kind " + o.getKind() + " (" + o.getApiVersion() + ") is not one the reconciler manages ("
          + String.join(", ", ManagedKinds.ALL.stream().map(k -> k.kind() + " (" + k.apiVersion() + ")").toList()) + ")";
    }
    String ns = o.getMetadata().getNamespace();
    if (ns != null && !ns.isEmpty() && !ns.equals(namespace)) {
      return what + ": metadata.namespace: \"" + ns + "\" is not the infrastructure namespace \"" + namespace + "\"";
    }
    Map<String, String> labels = o.getMetadata().getLabels() == null ? Map.of() : o.getMetadata().getLabels();
    if (!InfrastructureLabels.MANAGED_BY_TOLLGATE.equals(labels.get(InfrastructureLabels.MANAGED_BY))) {
      return what + ": metadata.labels: lacks " + InfrastructureLabels.MANAGED_BY + "=" + InfrastructureLabels.MANAGED_BY_TOLLGATE
          + ", by which the reconciler finds what to delete";
    }
    if (!g.gatewayNamespace().equals(labels.get(GatewayLabels.NAMESPACE)) || !g.gatewayName().equals(labels.get(GatewayLabels.NAME))) {
      return what + ": metadata.labels: " + GatewayLabels.NAMESPACE + " and " + GatewayLabels.NAME + " must name Gateway " + g.gateway();
    }
    return null;
  }

  /** Kinds in {@link ManagedKinds#ALL}'s order, each kind's objects by name: the same apply order whatever the render order. */
  private static Map<ManagedKey, Desired> sorted(Map<ManagedKey, Desired> objects) {
    Map<ManagedKey, Desired> out = new LinkedHashMap<>();
    for (ManagedKind kind : ManagedKinds.ALL) {
      objects.entrySet().stream().filter(e -> e.getKey().kind().equals(kind.kind()))
          .sorted(Map.Entry.comparingByKey()).forEach(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  /** The Gateway ({@code namespace/name}) an object's owning-gateway labels name; null without them. */
  static String gatewayOf(HasMetadata o) {
    Map<String, String> labels = o.getMetadata() == null || o.getMetadata().getLabels() == null ? Map.of() : o.getMetadata().getLabels();
    String ns = labels.get(GatewayLabels.NAMESPACE);
    String name = labels.get(GatewayLabels.NAME);
    return ns == null || name == null ? null : ns + "/" + name;
  }
}

package dev.tollgate.translator.input;

import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.UnstructuredObject;
import dev.tollgate.translator.model.gatewayapi.GroupKind;
import dev.tollgate.translator.model.core.ConfigMap;
import dev.tollgate.translator.model.core.EndpointSlice;
import dev.tollgate.translator.model.core.Namespace;
import dev.tollgate.translator.model.core.Secret;
import dev.tollgate.translator.model.core.Service;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.model.gatewayapi.GatewayClass;
import dev.tollgate.translator.model.gatewayapi.GrpcRoute;
import dev.tollgate.translator.model.gatewayapi.HttpRoute;
import dev.tollgate.translator.model.gatewayapi.ReferenceGrant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable, sorted set of input objects: the whole world one translation sees. Iteration
 * order is by kind, namespace and name, never by the order files were read, so output is the same
 * whatever order the inputs came in.
 *
 * <p>A {@linkplain #recordingLookups() recording view} also notes every Secret and ConfigMap looked
 * up, found or not: a provider that reads only referenced ones learns from it what to read.
 */
public final class ResourceSet {

  private final Map<String, TreeMap<ObjectKey, KubernetesObject>> byKind;
  private final Map<ObjectKey, Source> sources;
  private final Map<String, List<RejectedObject>> rejected;
  private final Set<ObjectKey> refused;
  /** The Secrets and ConfigMaps looked up through this view; null when it does not record. */
  private final Set<ObjectKey> lookups;

  private ResourceSet(Map<String, TreeMap<ObjectKey, KubernetesObject>> byKind, Map<ObjectKey, Source> sources,
      Map<String, List<RejectedObject>> rejected, Set<ObjectKey> refused, Set<ObjectKey> lookups) {
    this.byKind = byKind;
    this.sources = sources;
    this.rejected = rejected;
    this.refused = refused;
    this.lookups = lookups;
  }

  public static ResourceSet empty() {
    return new ResourceSet(Map.of(), Map.of(), Map.of(), Set.of(), null);
  }

  /** The same objects, in a view that records the Secrets and ConfigMaps looked up through it (thread-safe). */
  public ResourceSet recordingLookups() {
    return new ResourceSet(byKind, sources, rejected, refused, ConcurrentHashMap.newKeySet());
  }

  /**
   * The Secrets and ConfigMaps looked up through this view so far, whether they exist or not,
   * sorted; empty for a view that does not record.
   */
  public Set<ObjectKey> lookups() {
    return lookups == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(lookups));
  }

  private void lookedUp(String kind, String namespace, String name) {
    if (lookups != null) {
      lookups.add(new ObjectKey(kind, namespace, name));
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** All objects of a kind, sorted by namespace and name. */
  public <T extends KubernetesObject> List<T> all(String kind, Class<T> type) {
    TreeMap<ObjectKey, KubernetesObject> objects = byKind.get(kind);
    if (objects == null) {
      return List.of();
    }
    List<T> out = new ArrayList<>(objects.size());
    for (KubernetesObject o : objects.values()) {
      out.add(type.cast(o));
    }
    return Collections.unmodifiableList(out);
  }

  public <T extends KubernetesObject> Optional<T> get(String kind, Class<T> type, String namespace, String name) {
    TreeMap<ObjectKey, KubernetesObject> objects = byKind.get(kind);
    if (objects == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(objects.get(new ObjectKey(kind, namespace, name))).map(type::cast);
  }

  /** Every object, in kind/namespace/name order. */
  public List<KubernetesObject> everything() {
    List<KubernetesObject> out = new ArrayList<>();
    new TreeMap<>(byKind).values().forEach(m -> out.addAll(m.values()));
    return out;
  }

  /** Every object except those of the given kinds, in kind/namespace/name order. */
  public List<KubernetesObject> everythingBut(Set<String> kinds) {
    List<KubernetesObject> out = new ArrayList<>();
    new TreeMap<>(byKind).forEach((kind, objects) -> {
      if (!kinds.contains(kind)) {
        out.addAll(objects.values());
      }
    });
    return out;
  }

  /**
   * Whether the other set holds the same objects, the same refused and rejected ones, except for
   * objects of the given kinds. Equal objects that are one instance (a provider hands over what did
   * not change as it was) cost a reference comparison.
   */
  public boolean sameExcept(ResourceSet other, Set<String> kinds) {
    if (!refused.equals(other.refused) || !rejected.equals(other.rejected)) {
      return false;
    }
    Set<String> allKinds = new TreeSet<>(byKind.keySet());
    allKinds.addAll(other.byKind.keySet());
    for (String kind : allKinds) {
      if (!kinds.contains(kind)
          && !sameObjects(byKind.getOrDefault(kind, EMPTY_KIND), other.byKind.getOrDefault(kind, EMPTY_KIND))) {
        return false;
      }
    }
    return true;
  }

  private static final TreeMap<ObjectKey, KubernetesObject> EMPTY_KIND = new TreeMap<>();

  /** Two sorted maps walked side by side: one pass, no lookups, a reference comparison per shared object. */
  private static boolean sameObjects(TreeMap<ObjectKey, KubernetesObject> a, TreeMap<ObjectKey, KubernetesObject> b) {
    if (a == b) {
      return true;
    }
    if (a.size() != b.size()) {
      return false;
    }
    var i = a.entrySet().iterator();
    var j = b.entrySet().iterator();
    while (i.hasNext()) {
      var x = i.next();
      var y = j.next();
      if (!x.getKey().equals(y.getKey()) || (x.getValue() != y.getValue() && !x.getValue().equals(y.getValue()))) {
        return false;
      }
    }
    return true;
  }

  /** The keys of the objects refused when read. */
  public Set<ObjectKey> refusedKeys() {
    return java.util.Collections.unmodifiableSet(refused);
  }

  public Optional<Source> sourceOf(ObjectKey key) {
    return Optional.ofNullable(sources.get(key));
  }

  public int size() {
    return byKind.values().stream().mapToInt(Map::size).sum();
  }

  public List<GatewayClass> gatewayClasses() {
    return all("GatewayClass", GatewayClass.class);
  }

  public List<Gateway> gateways() {
    return all("Gateway", Gateway.class);
  }

  public List<HttpRoute> httpRoutes() {
    return all("HTTPRoute", HttpRoute.class);
  }

  public List<GrpcRoute> grpcRoutes() {
    return all("GRPCRoute", GrpcRoute.class);
  }

  public List<ReferenceGrant> referenceGrants() {
    return all("ReferenceGrant", ReferenceGrant.class);
  }

  public List<EndpointSlice> endpointSlices() {
    return all("EndpointSlice", EndpointSlice.class);
  }

  public Optional<Service> service(String namespace, String name) {
    return get("Service", Service.class, namespace, name);
  }

  public Optional<Secret> secret(String namespace, String name) {
    lookedUp("Secret", namespace, name);
    return get("Secret", Secret.class, namespace, name);
  }

  public Optional<ConfigMap> configMap(String namespace, String name) {
    lookedUp("ConfigMap", namespace, name);
    return get("ConfigMap", ConfigMap.class, namespace, name);
  }

  public Optional<Namespace> namespace(String name) {
    return get("Namespace", Namespace.class, "", name);
  }

  /** A namespace's labels, including the name label Kubernetes always sets, even for an unlisted namespace. */
  public Map<String, String> namespaceLabels(String name) {
    Map<String, String> labels = new HashMap<>();
    namespace(name).ifPresent(ns -> labels.putAll(ns.metadata().labels()));
    labels.put("kubernetes.io/metadata.name", name);
    return labels;
  }

  public Optional<Gateway> gateway(String namespace, String name) {
    return get("Gateway", Gateway.class, namespace, name);
  }

  public Optional<GatewayClass> gatewayClass(String name) {
    return get("GatewayClass", GatewayClass.class, "", name);
  }

  /** Envoy Gateway kinds (SecurityPolicy, Backend, ...), sorted. */
  public List<EnvoyGatewayPolicy> envoyGatewayObjects(String kind) {
    return all(kind, EnvoyGatewayPolicy.class);
  }

  /** An object of an extension server's kind. */
  public Optional<UnstructuredObject> extensionObject(GroupKind kind, String namespace, String name) {
    return get(kind.toString(), UnstructuredObject.class, namespace, name);
  }

  /** Every object of an extension server's kind, sorted by namespace and name. */
  public List<UnstructuredObject> extensionObjects(GroupKind kind) {
    return all(kind.toString(), UnstructuredObject.class);
  }

  /**
   * Objects of a kind that guards traffic which were refused when read, sorted by key; the
   * translation closes what they target.
   */
  public List<RejectedObject> rejected(String kind) {
    return rejected.getOrDefault(kind, List.of());
  }

  /**
   * Why an object that is looked up is not there, to end a message that names it: it does not
   * exist, or it was refused when read (its errors were reported then).
   */
  public String whyMissing(ObjectKey key) {
    return refused.contains(key) ? "was refused when read (see the errors reported for it)" : "does not exist";
  }

  /** Two objects with one key: where the kept and the dropped copy came from. */
  public record Duplicate(Source kept, Source dropped) {}

  /** Collects objects; a second object with the same kind, namespace and name is refused. */
  public static final class Builder {
    private final Map<String, TreeMap<ObjectKey, KubernetesObject>> byKind = new HashMap<>();
    private final Map<ObjectKey, Source> sources = new HashMap<>();
    private final Map<ObjectKey, RejectedObject> rejected = new TreeMap<>();
    private final Set<ObjectKey> refused = new HashSet<>();

    /** Notes that an object was refused when read, so that references to it say so. */
    public void refused(ObjectKey key) {
      refused.add(key);
    }

    /** Keeps a refused object of a kind that guards traffic; of two with one key, the one from the earlier source. */
    public void reject(RejectedObject object) {
      refused.add(object.key());
      rejected.merge(object.key(), object, (a, b) -> a.source().compareTo(b.source()) <= 0 ? a : b);
    }

    /**
     * Adds an object unless one with the same key is already present. Of two duplicates the one
     * from the earlier source (file name, then document index) is kept, so the choice does not
     * depend on reading order.
     *
     * @return which copy was kept and which dropped, when the key was already present
     */
    public Optional<Duplicate> add(KubernetesObject object, Source source) {
      ObjectKey key = object.key();
      Source existing = sources.get(key);
      if (existing != null) {
        if (existing.compareTo(source) <= 0) {
          return Optional.of(new Duplicate(existing, source));
        }
        byKind.get(key.kind()).put(key, object);
        sources.put(key, source);
        return Optional.of(new Duplicate(source, existing));
      }
      byKind.computeIfAbsent(key.kind(), k -> new TreeMap<>()).put(key, object);
      sources.put(key, source);
      return Optional.empty();
    }

    public ResourceSet build() {
      Map<String, TreeMap<ObjectKey, KubernetesObject>> copy = new HashMap<>();
      byKind.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
      Map<String, List<RejectedObject>> byKindRefused = new HashMap<>();
      rejected.values().forEach(r -> byKindRefused.computeIfAbsent(r.key().kind(), k -> new ArrayList<>()).add(r));
      byKindRefused.replaceAll((k, v) -> List.copyOf(v));
      return new ResourceSet(Map.copyOf(copy), Map.copyOf(sources), Map.copyOf(byKindRefused), Set.copyOf(refused), null);
    }
  }
}

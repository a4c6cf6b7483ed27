package dev.tollgate.serve.snapshot;

import com.google.common.collect.Maps;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.Snapshot;
import io.envoyproxy.controlplane.cache.VersionedResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One Gateway's resources as java-control-plane serves them, with Tollgate's content-hash
 * versions: per resource (delta) and per type (state of the world). java-control-plane's own
 * snapshot versions each resource by its identity-based hash code, which differs from run to run.
 *
 * <p>Made from the snapshot it replaces, so that publishing costs what changed, and registered
 * with the serializer relative to it. A Gateway generated
 * again has new instances and encodings even for resources that did not change: a resource whose
 * encoding has the same bytes as before keeps its version (compared, not hashed), and a type none
 * of whose versions changed keeps its version. A type whose resources are the same instances as
 * before keeps its map as well.
 */
final class ContentSnapshot extends Snapshot {

  /** A served resource with its canonical encoding, kept to compare the next snapshot's with. */
  private record Entry(VersionedResource<? extends Message> served, ByteString encoding) {}

  /** One type's resources by name (in name order), its version, and what differs from the snapshot replaced. */
  private record Typed(Map<String, Entry> entries, Map<String, VersionedResource<? extends Message>> served,
      String version, int changed, int removed) {

    Typed(Map<String, Entry> entries, String version, int changed, int removed) {
      this(entries, Maps.transformValues(entries, Entry::served), version, changed, removed);
    }
  }

  private static final Typed NONE = new Typed(Map.of(), ContentVersions.ofType(List.of(), List.of()), 0, 0);

  private final Map<Resources.ResourceType, Typed> types = new EnumMap<>(Resources.ResourceType.class);

  /** What to tell the serializer this snapshot starts and stops serving; emptied once registered. */
  private List<Consumer<EncodedSerializer>> registration = new ArrayList<>();

  /** A snapshot on its own, replacing none. */
  ContentSnapshot(GatewayXds xds) {
    this(xds, null);
  }

  /** @param previous the snapshot this one replaces, or null */
  ContentSnapshot(GatewayXds xds, ContentSnapshot previous) {
    for (XdsType type : XdsType.values()) {
      Resources.ResourceType t = resourceType(type);
      types.put(t, typed(type, xds, previous == null ? NONE : previous.types.get(t)));
    }
  }

  /** Tells the serializer which resources this snapshot starts and stops serving: once, before it is served. */
  void register(EncodedSerializer serializer) {
    registration.forEach(r -> r.accept(serializer));
    registration = List.of();
  }

  private Typed typed(XdsType type, GatewayXds xds, Typed before) {
    List<Message> messages = xds.resources(type);
    List<ByteString> encodings = xds.encodings(type);
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(messages.size());
    List<String> versions = new ArrayList<>(messages.size());
    int changed = 0;
    int kept = 0;
    boolean sameEntries = true;
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      ByteString encoding = encodings.get(i);
      String name = type.nameOf(message);
      Entry old = before.entries.get(name);
      Entry entry = old;
      if (old == null || old.served.resource() != message) {
        // The new instance is served even when its bytes are the same, so that the replaced
        // configuration can be collected: only its version is kept, not hashed again.
        boolean same = old != null && ContentVersions.sameBytes(old.encoding, encoding);
        String version = same ? old.served.version() : ContentVersions.ofResource(encoding);
        entry = new Entry(VersionedResource.create(message, version), encoding);
        registration.add(serializer -> serializer.add(type, message, encoding));
        if (old != null) {
          registration.add(serializer -> serializer.remove(old.served.resource()));
        }
        changed += same ? 0 : 1;
        sameEntries = false;
      }
      kept += old != null ? 1 : 0;
      entries.put(name, entry);
      names.add(name);
      versions.add(entry.served.version());
    }
    int removed = before.entries.size() - kept;
    if (removed > 0) {
      before.entries.forEach((name, gone) -> {
        if (!entries.containsKey(name)) {
          registration.add(serializer -> serializer.remove(gone.served.resource()));
        }
      });
    }
    if (changed == 0 && removed == 0) {
      return sameEntries
          ? new Typed(before.entries, before.served, before.version, 0, 0)
          : new Typed(Collections.unmodifiableMap(entries), before.version, 0, 0);
    }
    return new Typed(Collections.unmodifiableMap(entries), ContentVersions.ofType(names, versions), changed, removed);
  }

  static Resources.ResourceType resourceType(XdsType type) {
    return switch (type) {
      case LISTENER -> Resources.ResourceType.LISTENER;
      case ROUTE -> Resources.ResourceType.ROUTE;
      case CLUSTER -> Resources.ResourceType.CLUSTER;
      case ENDPOINT -> Resources.ResourceType.ENDPOINT;
      case SECRET -> Resources.ResourceType.SECRET;
    };
  }

  /** Resources added, changed or removed against the snapshot replaced, by type; types without any are absent. */
  Map<XdsType, Integer> changes() {
    Map<XdsType, Integer> out = new EnumMap<>(XdsType.class);
    for (XdsType type : XdsType.values()) {
      Typed typed = types.get(resourceType(type));
      if (typed.changed + typed.removed > 0) {
        out.put(type, typed.changed + typed.removed);
      }
    }
    return out;
  }

  /** Whether any resource of these types served by the snapshot replaced is gone from this one. */
  boolean removesAny(Collection<XdsType> of) {
    return of.stream().anyMatch(type -> types.get(resourceType(type)).removed > 0);
  }

  /** A type's version, whichever of its resources are asked for: clients get the whole type. */
  @Override
  public String version(Resources.ResourceType type, List<String> resourceNames) {
    Typed typed = types.get(type);
    return typed == null ? "" : typed.version;
  }

  /** A view: the cache asks for it on every request that names resources. */
  @Override
  public Map<String, ? extends Message> resources(Resources.ResourceType type) {
    return Maps.transformValues(versionedResources(type), VersionedResource::resource);
  }

  @Override
  public Map<String, VersionedResource<? extends Message>> versionedResources(Resources.ResourceType type) {
    Typed typed = types.get(type);
    return typed == null ? Map.of() : typed.served;
  }
}

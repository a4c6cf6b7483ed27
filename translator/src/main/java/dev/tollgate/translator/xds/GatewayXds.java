package dev.tollgate.translator.xds;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import com.google.protobuf.UnsafeByteOperations;
import dev.tollgate.translator.model.ObjectKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Envoy resources of one Gateway, by type and name, with the input objects each one came
 * from and each one's canonical encoding. Immutable; stages that change resources make a new
 * instance through {@link #toBuilder()}.
 *
 * <p>The encoding (deterministic protobuf serialization) is made once, when the instance is
 * built, and serves everything that needs bytes: validation, content-hash versions, serving.
 */
public final class GatewayXds {

  private final String gateway;
  private final Map<XdsType, TreeMap<String, Message>> resources;
  private final Map<XdsType, Map<String, ByteString>> encoded;
  private final Map<ResourceId, SortedSet<ObjectKey>> provenance;

  private GatewayXds(String gateway, Map<XdsType, TreeMap<String, Message>> resources,
      Map<XdsType, Map<String, ByteString>> encoded, Map<ResourceId, SortedSet<ObjectKey>> provenance) {
    this.gateway = gateway;
    this.resources = resources;
    this.encoded = encoded;
    this.provenance = provenance;
  }

  /** {@code namespace/name} of the Gateway. */
  public String gateway() {
    return gateway;
  }

  /** Resources of a type, sorted by name. */
  public List<Message> resources(XdsType type) {
    TreeMap<String, Message> byName = resources.get(type);
    return byName == null ? List.of() : List.copyOf(byName.values());
  }

  public Optional<Message> resource(XdsType type, String name) {
    TreeMap<String, Message> byName = resources.get(type);
    return Optional.ofNullable(byName == null ? null : byName.get(name));
  }

  /** The canonical encodings of a type's resources, in the order of {@link #resources(XdsType)}. */
  public List<ByteString> encodings(XdsType type) {
    TreeMap<String, Message> byName = resources.get(type);
    if (byName == null) {
      return List.of();
    }
    Map<String, ByteString> bytes = encoded.get(type);
    List<ByteString> out = new ArrayList<>(byName.size());
    byName.keySet().forEach(name -> out.add(bytes.get(name)));
    return out;
  }

  /** A resource's canonical encoding. */
  public ByteString encoded(XdsType type, String name) {
    Map<String, ByteString> byName = encoded.get(type);
    return byName == null ? null : byName.get(name);
  }

  /** Deterministic protobuf serialization: map entries sorted, so equal messages give equal bytes. */
  public static ByteString encode(Message message) {
    byte[] out = new byte[message.getSerializedSize()];
    CodedOutputStream stream = CodedOutputStream.newInstance(out);
    stream.useDeterministicSerialization();
    try {
      message.writeTo(stream);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    stream.checkNoSpaceLeft();
    return UnsafeByteOperations.unsafeWrap(out);
  }

  /** The input objects that produced a resource, sorted. */
  public Set<ObjectKey> sources(XdsType type, String name) {
    return Collections.unmodifiableSet(provenance.getOrDefault(new ResourceId(type, name), new TreeSet<>()));
  }

  public Map<ResourceId, SortedSet<ObjectKey>> provenance() {
    return Collections.unmodifiableMap(provenance);
  }

  public int size() {
    return resources.values().stream().mapToInt(Map::size).sum();
  }

  /**
   * This configuration with some existing resources of one type replaced (same names, same
   * sources), sharing everything else with this one: no copy of the other types, nothing encoded
   * again but the replacements. Null when a replacement names no resource of this one.
   */
  public GatewayXds replacing(XdsType type, List<? extends Message> replacements) {
    TreeMap<String, Message> byName = new TreeMap<>(resources.getOrDefault(type, new TreeMap<>()));
    Map<String, ByteString> bytes = new java.util.HashMap<>(encoded.getOrDefault(type, Map.of()));
    for (Message m : replacements) {
      String name = type.nameOf(m);
      if (byName.put(name, m) == null) {
        return null;
      }
      bytes.put(name, encode(m));
    }
    Map<XdsType, TreeMap<String, Message>> r = new EnumMap<>(resources);
    r.put(type, byName);
    Map<XdsType, Map<String, ByteString>> e = new EnumMap<>(encoded);
    e.put(type, Collections.unmodifiableMap(bytes));
    return new GatewayXds(gateway, Collections.unmodifiableMap(r), Collections.unmodifiableMap(e), provenance);
  }

  public static Builder builder(String gateway) {
    return new Builder(gateway);
  }

  public Builder toBuilder() {
    Builder b = new Builder(gateway);
    resources.forEach((t, m) -> b.resources.put(t, new TreeMap<>(m)));
    encoded.forEach((t, m) -> b.encoded.put(t, new java.util.HashMap<>(m)));
    provenance.forEach((id, s) -> b.provenance.put(id, new TreeSet<>(s)));
    return b;
  }

  /** A resource's identity within one gateway. */
  public record ResourceId(XdsType type, String name) implements Comparable<ResourceId> {
    @Override
    public int compareTo(ResourceId o) {
      int c = type.compareTo(o.type);
      return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
      return type.label() + " " + name;
    }
  }

  /** Collects resources; a later {@code put} of the same type and name replaces the earlier one. */
  public static final class Builder {
    private final String gateway;
    private final Map<XdsType, TreeMap<String, Message>> resources = new EnumMap<>(XdsType.class);
    private final Map<XdsType, Map<String, ByteString>> encoded = new EnumMap<>(XdsType.class);
    private final Map<ResourceId, SortedSet<ObjectKey>> provenance = new TreeMap<>();
    private GatewayXds previous;

    private Builder(String gateway) {
      this.gateway = gateway;
    }

    /**
     * Takes from {@code previous} every resource equal to one of it: its instance and encoding,
     * so what did not change is neither encoded again nor, downstream, checked or hashed again.
     */
    public Builder reusing(GatewayXds previous) {
      this.previous = previous;
      return this;
    }

    public Builder put(XdsType type, Message message, ObjectKey... sources) {
      String name = type.nameOf(message);
      Message previous = resources.computeIfAbsent(type, t -> new TreeMap<>()).put(name, message);
      if (previous != message && encoded.containsKey(type)) {
        encoded.get(type).remove(name);
      }
      SortedSet<ObjectKey> set = provenance.computeIfAbsent(new ResourceId(type, name), id -> new TreeSet<>());
      for (ObjectKey s : sources) {
        if (s != null) {
          set.add(s);
        }
      }
      return this;
    }

    public Builder addSources(XdsType type, String name, Iterable<ObjectKey> sources) {
      SortedSet<ObjectKey> set = provenance.computeIfAbsent(new ResourceId(type, name), id -> new TreeSet<>());
      sources.forEach(set::add);
      return this;
    }

    /** The input objects recorded so far for a resource. */
    public Set<ObjectKey> sources(XdsType type, String name) {
      return Collections.unmodifiableSet(provenance.getOrDefault(new ResourceId(type, name), new TreeSet<>()));
    }

    /** A resource added so far, or null. */
    public Message get(XdsType type, String name) {
      TreeMap<String, Message> byName = resources.get(type);
      return byName == null ? null : byName.get(name);
    }

    public boolean contains(XdsType type, String name) {
      TreeMap<String, Message> byName = resources.get(type);
      return byName != null && byName.containsKey(name);
    }

    public Builder remove(XdsType type, String name) {
      TreeMap<String, Message> byName = resources.get(type);
      if (byName != null) {
        byName.remove(name);
      }
      if (encoded.containsKey(type)) {
        encoded.get(type).remove(name);
      }
      provenance.remove(new ResourceId(type, name));
      return this;
    }

    public List<Message> resources(XdsType type) {
      TreeMap<String, Message> byName = resources.get(type);
      return byName == null ? List.of() : new ArrayList<>(byName.values());
    }

    public GatewayXds build() {
      Map<XdsType, TreeMap<String, Message>> copy = new EnumMap<>(XdsType.class);
      resources.forEach((t, m) -> copy.put(t, new TreeMap<>(m)));
      Map<XdsType, Map<String, ByteString>> bytes = new EnumMap<>(XdsType.class);
      copy.forEach((t, byName) -> {
        Map<String, ByteString> known = encoded.getOrDefault(t, Map.of());
        Map<String, ByteString> out = new java.util.HashMap<>(byName.size() * 2);
        for (var e : byName.entrySet()) {
          String name = e.getKey();
          ByteString bytesOf = known.get(name);
          if (bytesOf == null && previous != null) {
            Message before = previous.resource(t, name).orElse(null);
            if (before != null && before.equals(e.getValue())) {
              e.setValue(before);
              bytesOf = previous.encoded(t, name);
            }
          }
          out.put(name, bytesOf != null ? bytesOf : encode(e.getValue()));
        }
        bytes.put(t, Collections.unmodifiableMap(out));
      });
      Map<ResourceId, SortedSet<ObjectKey>> prov = new TreeMap<>();
      provenance.forEach((id, s) -> prov.put(id, Collections.unmodifiableSortedSet(new TreeSet<>(s))));
      return new GatewayXds(gateway, Collections.unmodifiableMap(copy), Collections.unmodifiableMap(bytes),
          Collections.unmodifiableMap(prov));
    }
  }
}

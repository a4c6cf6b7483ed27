package dev.tollgate.serve.snapshot;

import com.google.protobuf.Message;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.Snapshot;
import io.envoyproxy.controlplane.cache.VersionedResource;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Gateway's resources as java-control-plane serves them, with Tollgate's content-hash
 * versions: per resource (delta) and per type (state of the world). java-control-plane's own
 * snapshot versions each resource by its identity-based hash code, which differs from run to run.
 */
final class ContentSnapshot extends Snapshot {

  private final Map<Resources.ResourceType, Map<String, VersionedResource<? extends Message>>> resources =
      new EnumMap<>(Resources.ResourceType.class);
  private final Map<Resources.ResourceType, String> versions = new EnumMap<>(Resources.ResourceType.class);

  ContentSnapshot(GatewayXds xds) {
    for (XdsType type : XdsType.values()) {
      List<Message> messages = xds.resources(type);
      var encodings = xds.encodings(type);
      Map<String, VersionedResource<? extends Message>> byName = new LinkedHashMap<>();
      for (int i = 0; i < messages.size(); i++) {
        byName.put(type.nameOf(messages.get(i)),
            VersionedResource.create(messages.get(i), ContentVersions.ofResource(encodings.get(i))));
      }
      Resources.ResourceType t = resourceType(type);
      resources.put(t, Collections.unmodifiableMap(byName));
      versions.put(t, ContentVersions.ofType(xds, type));
    }
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

  /** A type's version, whichever of its resources are asked for: clients get the whole type. */
  @Override
  public String version(Resources.ResourceType type, List<String> resourceNames) {
    return versions.getOrDefault(type, "");
  }

  @Override
  public Map<String, ? extends Message> resources(Resources.ResourceType type) {
    Map<String, Message> out = new LinkedHashMap<>();
    resources.getOrDefault(type, Map.of()).forEach((name, v) -> out.put(name, v.resource()));
    return out;
  }

  @Override
  public Map<String, VersionedResource<? extends Message>> versionedResources(Resources.ResourceType type) {
    return resources.getOrDefault(type, Map.of());
  }
}

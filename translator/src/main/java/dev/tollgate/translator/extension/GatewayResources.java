package dev.tollgate.translator.extension;

import com.google.protobuf.Message;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Edits of a Gateway's resources that hooks make necessary. */
final class GatewayResources {

  private GatewayResources() {}

  /**
   * Puts a hook's version of a resource in place of the original. A resource the hook renamed
   * takes the original's place and sources.
   */
  static void replace(GatewayXds.Builder out, XdsType type, Message original, Message modified) {
    if (modified == original) {
      return;
    }
    String before = type.nameOf(original);
    String after = type.nameOf(modified);
    if (!before.equals(after)) {
      Set<dev.tollgate.translator.model.ObjectKey> sources = Set.copyOf(out.sources(type, before));
      out.remove(type, before);
      out.put(type, modified);
      out.addSources(type, after, sources);
    } else {
      out.put(type, modified);
    }
  }

  /**
   * Drops load assignments no EDS cluster asks for any more: a hook may turn a cluster into one
   * with inline endpoints, or remove it.
   */
  static void pruneUnusedEndpoints(GatewayXds.Builder out) {
    Set<String> wanted = new HashSet<>();
    for (Message m : out.resources(XdsType.CLUSTER)) {
      Cluster c = (Cluster) m;
      if (c.getType() == Cluster.DiscoveryType.EDS) {
        String service = c.getEdsClusterConfig().getServiceName();
        wanted.add(service.isEmpty() ? c.getName() : service);
      }
    }
    List<Message> endpoints = out.resources(XdsType.ENDPOINT);
    for (Message m : endpoints) {
      String name = XdsType.ENDPOINT.nameOf(m);
      if (!wanted.contains(name)) {
        out.remove(XdsType.ENDPOINT, name);
      }
    }
  }
}

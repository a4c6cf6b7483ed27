package dev.tollgate.translator.validate;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one Gateway's resources the way Envoy would: every PGV rule declared on Envoy's messages
 * (read from the descriptors, recursing into every Any), a few rules Envoy enforces in code, and
 * cross references — every route configuration, cluster, load assignment and secret a resource
 * names exists, names are unique per type, per-route filter settings reach their filter, and a
 * route configuration serves each domain once — and what Envoy refuses when it loads resources
 * that pass all of those: header mutations of host and pseudo-headers, regular expressions RE2
 * does not compile, conflicting route actions, filter chains a connection cannot tell apart, and
 * two listeners on one address.
 * Thread-safe; reuse one instance.
 */
public final class XdsValidator {

  private final Plans plans = new Plans();

  /** Validates one Gateway's resources, reading the encodings made when they were built. */
  public List<Violation> validate(GatewayXds gateway) {
    Map<XdsType, List<? extends Message>> byType = new EnumMap<>(XdsType.class);
    Map<XdsType, List<ByteString>> encodings = new EnumMap<>(XdsType.class);
    for (XdsType t : XdsType.values()) {
      byType.put(t, gateway.resources(t));
      encodings.put(t, gateway.encodings(t));
    }
    return validate(byType, (type, i) -> encodings.get(type).get(i));
  }

  /** Validates resources that are served together (one file's). */
  public List<Violation> validate(Map<XdsType, ? extends List<? extends Message>> resources) {
    return validate(resources, (type, i) -> GatewayXds.encode(resources.get(type).get(i)));
  }

  /**
   * Envoy's PGV rules alone, on a message that is not served as an xDS resource (a bootstrap):
   * no cross references.
   */
  public List<Violation> validateMessage(String label, Message message) {
    List<Violation> violations = new ArrayList<>();
    new WireWalker(plans, 16).walk(message.getDescriptorForType(), GatewayXds.encode(message), FieldPath.ROOT,
        new ViolationSink(() -> label, violations), new ArrayList<>());
    return violations;
  }

  /** The encoding of the i-th resource of a type. */
  private interface Encodings {
    ByteString get(XdsType type, int index);
  }

  private List<Violation> validate(Map<XdsType, ? extends List<? extends Message>> resources, Encodings encoding) {
    List<Violation> violations = new ArrayList<>();
    WireWalker walker = new WireWalker(plans);
    Map<XdsType, Set<String>> names = new EnumMap<>(XdsType.class);
    List<ViolationSink> referrers = new ArrayList<>();
    List<List<References>> references = new ArrayList<>();
    for (XdsType type : XdsType.values()) {
      List<? extends Message> list = resources.containsKey(type) ? resources.get(type) : List.of();
      Set<String> seen = new HashSet<>(list.size() * 2);
      names.put(type, seen);
      for (int i = 0; i < list.size(); i++) {
        Message m = list.get(i);
        String name = type.nameOf(m);
        ViolationSink sink = sink(type, name, i, violations);
        if (!name.isEmpty() && !seen.add(name)) {
          sink.add(FieldPath.ROOT, "another " + type.label() + " has the same name");
        }
        List<References> refs = walk(walker, type, m, encoding.get(type, i), sink);
        if (!refs.isEmpty()) {
          referrers.add(sink);
          references.add(refs);
        }
      }
    }
    for (int r = 0; r < referrers.size(); r++) {
      for (References ref : references.get(r)) {
        if (!ref.mayBeMissing() && !names.get(ref.target()).contains(ref.name())) {
          referrers.get(r).add(ref.path(), ref.target().label() + " " + Violation.quote(ref.name()) + " does not exist");
        }
      }
    }
    acrossResources(resources, violations);
    return violations;
  }

  /** The checks over a whole type: listeners and route configurations, and their references to one another. */
  private static void acrossResources(Map<XdsType, ? extends List<? extends Message>> resources, List<Violation> violations) {
    PerRouteFilterReferences.check(resources, violations);
    List<? extends Message> routeConfigs = resources.get(XdsType.ROUTE);
    if (routeConfigs != null) {
      UniqueDomains.check(routeConfigs, violations);
      HeaderMutations.check(routeConfigs, violations);
      RouteActionRules.check(routeConfigs, violations);
    }
    List<? extends Message> listeners = resources.get(XdsType.LISTENER);
    if (listeners != null) {
      FilterChainMatches.check(listeners, violations);
      ListenerAddresses.check(listeners, violations);
    }
  }

  private static ViolationSink sink(XdsType type, String name, int index, List<Violation> violations) {
    return new ViolationSink(() -> type.label() + " " + (name.isEmpty() ? "#" + index : printable(name)), violations);
  }

  /** Envoy's rules on one resource; returns the resources it names. */
  private static List<References> walk(WireWalker walker, XdsType type, Message m, ByteString encoding, ViolationSink sink) {
    List<References> refs = new ArrayList<>();
    walker.walk(m.getDescriptorForType(), encoding, FieldPath.ROOT, sink, refs);
    if (type == XdsType.CLUSTER) {
      endpointsOf((Cluster) m, refs);
    }
    return refs;
  }

  /**
   * Validates a Gateway's configuration that has the same resource names, type by type, as one
   * found valid: only resources whose encoding changed are checked again, the references they make
   * are resolved against the same names, and the checks over listeners and route configurations
   * run again only when one of those changed. A resource that did not change keeps its verdict, and
   * so do its references, since every name it could name is still there.
   *
   * @return the violations, or null when the names differ and everything must be checked
   */
  public List<Violation> revalidate(GatewayXds before, GatewayXds after) {
    Map<XdsType, Set<String>> names = new EnumMap<>(XdsType.class);
    Map<XdsType, List<Message>> resources = new EnumMap<>(XdsType.class);
    for (XdsType type : XdsType.values()) {
      List<Message> now = after.resources(type);
      List<Message> was = before.resources(type);
      if (now.size() != was.size()) {
        return null;
      }
      Set<String> typeNames = new HashSet<>(now.size() * 2);
      for (int i = 0; i < now.size(); i++) {
        String name = type.nameOf(now.get(i));
        if (!name.equals(type.nameOf(was.get(i)))) {
          return null;
        }
        typeNames.add(name);
      }
      names.put(type, typeNames);
      resources.put(type, now);
    }
    List<Violation> violations = new ArrayList<>();
    WireWalker walker = new WireWalker(plans);
    boolean acrossChanged = false;
    for (XdsType type : XdsType.values()) {
      List<Message> now = resources.get(type);
      List<ByteString> nowBytes = after.encodings(type);
      List<ByteString> wasBytes = before.encodings(type);
      for (int i = 0; i < now.size(); i++) {
        if (nowBytes.get(i) == wasBytes.get(i) || nowBytes.get(i).equals(wasBytes.get(i))) {
          continue;
        }
        acrossChanged |= type == XdsType.LISTENER || type == XdsType.ROUTE;
        ViolationSink sink = sink(type, type.nameOf(now.get(i)), i, violations);
        for (References ref : walk(walker, type, now.get(i), nowBytes.get(i), sink)) {
          if (!ref.mayBeMissing() && !names.get(ref.target()).contains(ref.name())) {
            sink.add(ref.path(), ref.target().label() + " " + Violation.quote(ref.name()) + " does not exist");
          }
        }
      }
    }
    if (acrossChanged) {
      acrossResources(resources, violations);
    }
    return violations;
  }

  /** A resource name as shown in messages: as is, unless it needs quoting to stay on one line. */
  private static String printable(String name) {
    String quoted = Violation.quote(name);
    return quoted.substring(1, quoted.length() - 1).equals(name) ? name : quoted;
  }

  /** An EDS cluster fetched over ADS needs its load assignment, named by service_name or else the cluster. */
  private static void endpointsOf(Cluster c, List<References> refs) {
    if (c.getType() != Cluster.DiscoveryType.EDS || !c.getEdsClusterConfig().getEdsConfig().hasAds()) {
      return;
    }
    String service = c.getEdsClusterConfig().getServiceName();
    FieldPath at = service.isEmpty() ? FieldPath.ROOT.field("name") : FieldPath.ROOT.field("eds_cluster_config").field("service_name");
    refs.add(References.to(XdsType.ENDPOINT, service.isEmpty() ? c.getName() : service, at));
  }
}

package dev.tollgate.translator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.tollgate.translator.output.ProtoJson;
import dev.tollgate.translator.xds.XdsType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads xDS resources from a JSON or YAML document for {@code tollgate validate}: the document
 * {@code translate} prints (one group per Gateway), a single group
 * ({@code {"listeners": [...], "clusters": [...]}}), or a list of resources each with its
 * {@code "@type"}. Resources served together are validated together.
 */
public final class ResourceFile {

  /** Resources that are served together, by type, and what could not be read. */
  public record Group(String name, Map<XdsType, List<Message>> resources, List<Violation> unreadable) {
    public int size() {
      return resources.values().stream().mapToInt(List::size).sum() + unreadable.size();
    }
  }

  private ResourceFile() {}

  public static List<Group> groups(JsonNode document) {
    List<Group> groups = new ArrayList<>();
    if (document.isArray()) {
      groups.add(fromAnyList("", document));
    } else if (document.has("xds")) {
      document.get("xds").fields().forEachRemaining(e -> groups.add(fromTypedLists(e.getKey(), e.getValue())));
    } else {
      groups.add(fromTypedLists("", document));
    }
    return groups;
  }

  private static Group fromTypedLists(String name, JsonNode group) {
    Map<XdsType, List<Message>> byType = new EnumMap<>(XdsType.class);
    List<Violation> unreadable = new ArrayList<>();
    Map<String, JsonNode> lists = new LinkedHashMap<>();
    group.fields().forEachRemaining(e -> lists.put(e.getKey(), e.getValue()));
    lists.forEach((key, list) -> {
      var type = XdsType.fromKey(key);
      if (type.isEmpty()) {
        unreadable.add(new Violation(prefix(name) + key, "", "unknown resource list; expected listeners, routes, clusters, endpoints or secrets"));
        return;
      }
      for (int i = 0; i < list.size(); i++) {
        read(type.get(), list.get(i), prefix(name) + key + "[" + i + "]", byType, unreadable);
      }
    });
    return new Group(name, byType, unreadable);
  }

  private static Group fromAnyList(String name, JsonNode list) {
    Map<XdsType, List<Message>> byType = new EnumMap<>(XdsType.class);
    List<Violation> unreadable = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode node = list.get(i);
      String where = "resource[" + i + "]";
      var type = XdsType.fromTypeUrl(node.path("@type").asText(""));
      if (type.isEmpty()) {
        unreadable.add(new Violation(where, "@type", "must be the type URL of a Listener, RouteConfiguration, Cluster, "
            + "ClusterLoadAssignment or Secret, not \"" + node.path("@type").asText("") + "\""));
        continue;
      }
      read(type.get(), node, where, byType, unreadable);
    }
    return new Group(name, byType, unreadable);
  }

  private static void read(XdsType type, JsonNode node, String where, Map<XdsType, List<Message>> byType, List<Violation> unreadable) {
    String declared = node.path("@type").asText("");
    if (!declared.isEmpty() && !declared.equals(type.typeUrl())) {
      unreadable.add(new Violation(where, "@type", "is " + declared + ", but this list holds " + type.typeUrl()));
      return;
    }
    try {
      Message m = ProtoJson.parse(node, type.prototype().newBuilderForType()).build();
      byType.computeIfAbsent(type, t -> new ArrayList<>()).add(m);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      unreadable.add(new Violation(where, "", "cannot be read as " + type.label() + ": " + e.getMessage()));
    }
  }

  private static String prefix(String name) {
    return name.isEmpty() ? "" : name + ": ";
  }
}

package dev.tollgate.review.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.review.routes.NameSources;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.output.TranslationDocument;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.status.ObjectStatus;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares what two sets of manifests translate to: per Gateway, the resources added, removed and
 * changed (matched by type and name, field by field, lists as {@link EnvoyListRules} says), the
 * statuses, and the input objects each change comes from; then classes what a reviewer must see
 * ({@link SafetyFindings}). Secrets are compared in their redacted form: a diff is for logs.
 */
public final class ConfigDiff {

  private ConfigDiff() {}

  /** One side: what was translated, and what was read. */
  public record Side(TranslationResult result, ResourceSet resources) {}

  private static final TreeDiff ENVOY = new TreeDiff(EnvoyListRules::envoy);
  private static final TreeDiff OBJECTS = new TreeDiff(EnvoyListRules::objects);

  public static DiffReport compare(Side base, Side head) {
    Map<ObjectKey, DiffReport.InputChange> inputs = InputChanges.between(base.resources(), head.resources());
    List<DiffReport.GatewayChange> gateways = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(base.result().gateways().keySet());
    names.addAll(head.result().gateways().keySet());
    for (String g : names) {
      GatewayXds a = base.result().gateways().get(g);
      GatewayXds b = head.result().gateways().get(g);
      List<DiffReport.ResourceChange> resources = resources(a, b, inputs);
      if (!resources.isEmpty()) {
        gateways.add(new DiffReport.GatewayChange(g, a == null ? "added" : b == null ? "removed" : "changed", resources));
      }
    }
    List<DiffReport.StatusChange> statuses = statuses(base.result().statuses(), head.result().statuses());
    List<DiffReport.Finding> findings = SafetyFindings.find(base.result(), head.result(), statuses, inputs);
    return new DiffReport(findings, gateways, statuses, List.copyOf(inputs.values()));
  }

  private static List<DiffReport.ResourceChange> resources(GatewayXds a, GatewayXds b, Map<ObjectKey, DiffReport.InputChange> inputs) {
    List<DiffReport.ResourceChange> out = new ArrayList<>();
    for (XdsType type : XdsType.values()) {
      Map<String, JsonNode> before = byName(a, type);
      Map<String, JsonNode> after = byName(b, type);
      TreeSet<String> names = new TreeSet<>(before.keySet());
      names.addAll(after.keySet());
      for (String name : names) {
        JsonNode x = before.get(name);
        JsonNode y = after.get(name);
        if (x != null && x.equals(y)) {
          continue;
        }
        List<String> because = because(sources(a, type, name, b), inputs, name);
        String change = x == null ? "added" : y == null ? "removed" : "changed";
        List<TreeDiff.Change> fields = x != null && y != null ? ENVOY.diff(x, y) : List.of();
        out.add(new DiffReport.ResourceChange(type.key(), name, change, because, fields));
      }
    }
    return out;
  }

  private static Set<ObjectKey> sources(GatewayXds a, XdsType type, String name, GatewayXds b) {
    Set<ObjectKey> out = new TreeSet<>();
    if (a != null) {
      out.addAll(a.sources(type, name));
    }
    if (b != null) {
      out.addAll(b.sources(type, name));
    }
    return out;
  }

  /**
   * The changed inputs among a change's sources, each with what changed in it; for the route the
   * xDS name comes from (if any), only what changed in the rule it names.
   */
  static List<String> because(Set<ObjectKey> sources, Map<ObjectKey, DiffReport.InputChange> inputs, String xdsName) {
    Optional<ObjectKey> named = NameSources.of(xdsName);
    OptionalInt rule = NameSources.rule(xdsName);
    List<String> out = new ArrayList<>();
    for (ObjectKey k : sources) {
      DiffReport.InputChange c = inputs.get(k);
      if (c != null) {
        out.add(InputChanges.because(c, named.filter(k::equals).isPresent() ? rule : OptionalInt.empty()));
      }
    }
    return out;
  }

  /** A Gateway's resources of a type as redacted protojson trees, by name. */
  private static Map<String, JsonNode> byName(GatewayXds xds, XdsType type) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (xds == null) {
      return out;
    }
    ObjectNode doc = TranslationDocument.gateway(xds, TranslationDocument.Secrets.REDACTED);
    List<com.google.protobuf.Message> messages = xds.resources(type);
    JsonNode list = doc.get(type.key());
    for (int i = 0; i < messages.size(); i++) {
      out.put(type.nameOf(messages.get(i)), list.get(i));
    }
    return out;
  }

  private static List<DiffReport.StatusChange> statuses(List<ObjectStatus> base, List<ObjectStatus> head) {
    Map<ObjectKey, JsonNode> before = statusTrees(base);
    Map<ObjectKey, JsonNode> after = statusTrees(head);
    TreeSet<ObjectKey> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    List<DiffReport.StatusChange> out = new ArrayList<>();
    for (ObjectKey k : keys) {
      JsonNode x = before.get(k);
      JsonNode y = after.get(k);
      if (x != null && x.equals(y)) {
        continue;
      }
      List<TreeDiff.Change> fields = OBJECTS.diff(x == null ? Mappers.json().createObjectNode() : x,
          y == null ? Mappers.json().createObjectNode() : y);
      out.add(new DiffReport.StatusChange(k.toString(), x == null ? "added" : y == null ? "removed" : "changed",
          StatusRegressions.regressed(x, y), fields));
    }
    return out;
  }

  /** Each object's status with the times left out: a transition's time is not a change to review. */
  private static Map<ObjectKey, JsonNode> statusTrees(List<ObjectStatus> statuses) {
    Map<ObjectKey, JsonNode> out = new TreeMap<>();
    for (ObjectStatus s : statuses) {
      JsonNode tree = Mappers.json().valueToTree(s.status());
      StatusRegressions.dropTimes(tree);
      out.put(s.key(), tree);
    }
    return out;
  }
}

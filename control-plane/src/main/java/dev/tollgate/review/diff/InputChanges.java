package dev.tollgate.review.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which input objects differ between two sets, field by field; status and server-set metadata aside. */
final class InputChanges {

  private InputChanges() {}

  private static final String[] SERVER_SET = {"resourceVersion", "uid", "generation", "creationTimestamp", "managedFields"};
  private static final int MAX_FIELDS = 3;

  static Map<ObjectKey, DiffReport.InputChange> between(ResourceSet base, ResourceSet head) {
    Map<ObjectKey, JsonNode> before = trees(base);
    Map<ObjectKey, JsonNode> after = trees(head);
    TreeSet<ObjectKey> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    keys.addAll(base.refusedKeys());
    keys.addAll(head.refusedKeys());
    TreeDiff diff = new TreeDiff(f -> TreeDiff.ListRule.POSITIONAL);
    Map<ObjectKey, DiffReport.InputChange> out = new TreeMap<>();
    for (ObjectKey k : keys) {
      JsonNode a = before.get(k);
      JsonNode b = after.get(k);
      boolean refusedBefore = base.refusedKeys().contains(k);
      boolean refusedNow = head.refusedKeys().contains(k);
      if (a == null && b == null) {
        if (refusedBefore != refusedNow) {
          out.put(k, new DiffReport.InputChange(k.toString(), refusedNow ? "refused" : "removed", List.of()));
        }
      } else if (a == null) {
        out.put(k, new DiffReport.InputChange(k.toString(), refusedBefore ? "repaired" : "added", List.of()));
      } else if (b == null) {
        out.put(k, new DiffReport.InputChange(k.toString(), refusedNow ? "refused" : "removed", List.of()));
      } else if (!a.equals(b)) {
        List<String> fields = new ArrayList<>();
        diff.diff(a, b).forEach(c -> fields.add(c.path()));
        out.put(k, new DiffReport.InputChange(k.toString(), "changed", fields));
      }
    }
    return out;
  }

  /**
   * {@code SecurityPolicy default/p changed spec.targetRefs[0].name}; {@code ... was added}; {@code
   * ... was refused when read} (it is in the files, but not valid: translation goes on without it).
   */
  static String because(DiffReport.InputChange c) {
    return because(c, OptionalInt.empty());
  }

  /**
   * As {@link #because(DiffReport.InputChange)}, for a part of the configuration that comes from
   * one rule of a route: {@code HTTPRoute default/app changed rule 0: spec.rules[0].matches[0].path.value},
   * leaving out the route's other rules, which did not make this part (its other fields, such as
   * hostnames or parentRefs, apply to every rule and stay).
   */
  static String because(DiffReport.InputChange c, OptionalInt rule) {
    switch (c.change()) {
      case "changed" -> { }
      case "refused" -> {
        return c.object() + " was refused when read";
      }
      case "repaired" -> {
        return c.object() + " was read (it was refused before)";
      }
      default -> {
        return c.object() + " was " + c.change();
      }
    }
    List<String> f = c.fields();
    String lead = " changed ";
    if (rule.isPresent()) {
      String own = "spec.rules[" + rule.getAsInt() + "]";
      List<String> mine = f.stream().filter(p -> !p.startsWith("spec.rules[") || p.equals(own) || p.startsWith(own + ".")).toList();
      if (!mine.isEmpty()) {
        lead = mine.stream().anyMatch(p -> p.startsWith(own)) ? " changed rule " + rule.getAsInt() + ": " : lead;
        f = mine;
      }
    }
    String shown = String.join(", ", f.subList(0, Math.min(MAX_FIELDS, f.size())));
    return c.object() + lead + shown + (f.size() > MAX_FIELDS ? " and " + (f.size() - MAX_FIELDS) + " more" : "");
  }

  private static Map<ObjectKey, JsonNode> trees(ResourceSet set) {
    Map<ObjectKey, JsonNode> out = new TreeMap<>();
    for (KubernetesObject o : set.everything()) {
      JsonNode tree = Mappers.json().valueToTree(o);
      if (tree instanceof ObjectNode obj) {
        obj.remove("status");
        if (obj.get("metadata") instanceof ObjectNode meta) {
          for (String f : SERVER_SET) {
            meta.remove(f);
          }
        }
      }
      out.put(o.key(), tree);
    }
    return out;
  }
}

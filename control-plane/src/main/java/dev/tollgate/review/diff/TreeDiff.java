package dev.tollgate.review.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A field-level difference between two JSON trees, lists compared as their meaning says: as sets
 * where order means nothing, element by element under a key where elements have one (a moved
 * element is reported as moved only where order matters), by position otherwise.
 *
 * <p>Written here rather than taken from zjsonpatch: its diff produces a patch that turns one list
 * into the other by position, with no notion of keyed elements or of lists whose order means
 * nothing, which is the whole point of a review diff.
 */
public final class TreeDiff {

  /** How the elements of a list are paired. */
  public enum Mode {
    POSITIONAL,
    /** A multiset: same elements in another order is no change. */
    SET,
    /** Paired by a key; order means nothing. */
    KEYED,
    /** Paired by a key; a change of order is a change. */
    KEYED_ORDERED
  }

  /** The mode and key for the list in a field; {@link Mode#POSITIONAL} with no key when unknown. */
  public record ListRule(Mode mode, Function<JsonNode, String> key) {
    public static final ListRule POSITIONAL = new ListRule(Mode.POSITIONAL, null);
    public static final ListRule SET = new ListRule(Mode.SET, null);

    public static ListRule keyed(String field, boolean ordered) {
      return new ListRule(ordered ? Mode.KEYED_ORDERED : Mode.KEYED, n -> n.has(field) ? n.get(field).isValueNode()
          ? n.get(field).asText() : n.get(field).toString() : null);
    }
  }

  /** One difference: {@code added}, {@code removed}, {@code changed} or {@code moved}. */
  public record Change(String path, String kind, JsonNode before, JsonNode after) {}

  private final Function<String, ListRule> rules;

  /** @param rules the rule for a list, by the name of the field holding it */
  public TreeDiff(Function<String, ListRule> rules) {
    this.rules = rules;
  }

  public List<Change> diff(JsonNode before, JsonNode after) {
    List<Change> out = new ArrayList<>();
    walk("", "", before, after, out);
    return out;
  }

  private void walk(String path, String field, JsonNode a, JsonNode b, List<Change> out) {
    if (Objects.equals(a, b)) {
      return;
    }
    if (a == null || a.isMissingNode()) {
      out.add(new Change(path, "added", null, b));
      return;
    }
    if (b == null || b.isMissingNode()) {
      out.add(new Change(path, "removed", a, null));
      return;
    }
    if (a.getNodeType() != b.getNodeType() || a.isValueNode()) {
      out.add(new Change(path, "changed", a, b));
      return;
    }
    if (a.getNodeType() == JsonNodeType.OBJECT) {
      List<String> names = new ArrayList<>();
      a.fieldNames().forEachRemaining(names::add);
      for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
        String n = it.next();
        if (!a.has(n)) {
          names.add(n);
        }
      }
      for (String n : names) {
        walk(path.isEmpty() ? n : path + "." + n, n, a.get(n), b.get(n), out);
      }
      return;
    }
    list(path, rules.apply(field), a, b, out);
  }

  private void list(String path, ListRule rule, JsonNode a, JsonNode b, List<Change> out) {
    if (rule.mode() == Mode.KEYED || rule.mode() == Mode.KEYED_ORDERED) {
      Map<String, JsonNode> before = keyed(a, rule.key());
      Map<String, JsonNode> after = keyed(b, rule.key());
      if (before != null && after != null) {
        List<String> orderBefore = new ArrayList<>(before.keySet());
        List<String> orderAfter = new ArrayList<>(after.keySet());
        for (String k : orderBefore) {
          walk(path + "[" + k + "]", "", before.get(k), after.get(k), out);
        }
        for (String k : orderAfter) {
          if (!before.containsKey(k)) {
            walk(path + "[" + k + "]", "", null, after.get(k), out);
          }
        }
        if (rule.mode() == Mode.KEYED_ORDERED) {
          List<String> common = orderBefore.stream().filter(after::containsKey).toList();
          List<String> commonAfter = orderAfter.stream().filter(before::containsKey).toList();
          if (!common.equals(commonAfter)) {
            out.add(moved(path, common, commonAfter));
          }
        }
        return;
      }
    }
    if (rule.mode() == Mode.SET) {
      List<JsonNode> left = new ArrayList<>();
      a.forEach(left::add);
      List<JsonNode> right = new ArrayList<>();
      b.forEach(right::add);
      List<JsonNode> removed = new ArrayList<>(left);
      for (JsonNode n : right) {
        removed.remove(n);
      }
      List<JsonNode> added = new ArrayList<>(right);
      for (JsonNode n : left) {
        added.remove(n);
      }
      removed.forEach(n -> out.add(new Change(path + "[-]", "removed", n, null)));
      added.forEach(n -> out.add(new Change(path + "[+]", "added", null, n)));
      return;
    }
    int n = Math.max(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      walk(path + "[" + i + "]", "", a.get(i), b.get(i), out);
    }
  }

  /** Elements by key, in order; null when some element has no key or two share one. */
  private static Map<String, JsonNode> keyed(JsonNode list, Function<JsonNode, String> key) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode e : list) {
      String k = e.isObject() ? key.apply(e) : null;
      if (k == null || out.put(k, e) != null) {
        return null;
      }
    }
    return out;
  }

  /**
   * The fewest elements that moved to turn one order into the other: those outside a longest
   * increasing subsequence of their new positions (O(n log n), so a virtual host with thousands of
   * routes is fine); {@code before} and {@code after} map each to its position then and now.
   */
  private static Change moved(String path, List<String> before, List<String> after) {
    Map<String, Integer> position = new java.util.HashMap<>();
    for (int i = 0; i < after.size(); i++) {
      position.put(after.get(i), i);
    }
    int n = before.size();
    int[] now = before.stream().mapToInt(position::get).toArray();
    int[] tails = new int[n];
    int[] previous = new int[n];
    int length = 0;
    for (int i = 0; i < n; i++) {
      int lo = 0;
      int hi = length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (now[tails[mid]] < now[i]) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      previous[i] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = i;
      length = Math.max(length, lo + 1);
    }
    java.util.Set<Integer> stayed = new java.util.HashSet<>();
    for (int i = length == 0 ? -1 : tails[length - 1]; i >= 0; i = previous[i]) {
      stayed.add(i);
    }
    var then = dev.tollgate.translator.json.Mappers.json().createObjectNode();
    var later = dev.tollgate.translator.json.Mappers.json().createObjectNode();
    for (int i = 0; i < n; i++) {
      if (!stayed.contains(i)) {
        then.put(before.get(i), i);
        later.put(before.get(i), now[i]);
      }
    }
    return new Change(path, "moved", then, later);
  }
}

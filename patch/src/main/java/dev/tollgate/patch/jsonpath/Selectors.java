package dev.tollgate.patch.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.patch.jsonpath.JsonPath.Node;
import dev.tollgate.patch.jsonpath.JsonPath.Segment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** RFC 9535's segments and selectors. */
final class Selectors {

  private Selectors() {}

  /** Selects from one node into {@code out}. */
  interface Selector {
    void select(Node input, JsonNode root, List<Node> out);
  }

  /** {@code [a, b]} or {@code .a}: the selectors applied to each input node in turn. */
  static Segment child(List<Selector> selectors) {
    return (input, root) -> {
      List<Node> out = new ArrayList<>();
      for (Node n : input) {
        for (Selector s : selectors) {
          s.select(n, root, out);
        }
      }
      return out;
    };
  }

  /** {@code ..[a]} or {@code ..a}: the selectors applied to each input node and all its descendants, parents first. */
  static Segment descendant(List<Selector> selectors) {
    Segment child = child(selectors);
    return (input, root) -> {
      List<Node> all = new ArrayList<>();
      input.forEach(n -> descendants(n, all));
      return child.apply(all, root);
    };
  }

  private static void descendants(Node n, List<Node> out) {
    out.add(n);
    JsonNode v = n.value();
    if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        descendants(n.element(i), out);
      }
    } else if (v.isObject()) {
      for (Iterator<String> names = v.fieldNames(); names.hasNext(); ) {
        descendants(n.child(names.next()), out);
      }
    }
  }

  static Selector name(String name) {
    return (n, root, out) -> {
      if (n.value().isObject() && n.value().has(name)) {
        out.add(n.child(name));
      }
    };
  }

  static final Selector WILDCARD = (n, root, out) -> {
    JsonNode v = n.value();
    if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        out.add(n.element(i));
      }
    } else if (v.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> f = v.fields(); f.hasNext(); ) {
        out.add(n.child(f.next().getKey()));
      }
    }
  };

  static Selector index(long index) {
    return (n, root, out) -> {
      if (!n.value().isArray()) {
        return;
      }
      long i = index < 0 ? n.value().size() + index : index;
      if (i >= 0 && i < n.value().size()) {
        out.add(n.element((int) i));
      }
    };
  }

  /** {@code [start:end:step]}, with RFC 9535's defaults and negative-step order. */
  static Selector slice(Long start, Long end, Long step) {
    return (n, root, out) -> {
      if (!n.value().isArray()) {
        return;
      }
      long len = n.value().size();
      long s = step == null ? 1 : step;
      if (s == 0) {
        return;
      }
      if (s > 0) {
        long lower = Math.min(Math.max(normalize(start == null ? 0 : start, len), 0), len);
        long upper = Math.min(Math.max(normalize(end == null ? len : end, len), 0), len);
        for (long i = lower; i < upper; i += s) {
          out.add(n.element((int) i));
        }
      } else {
        long upper = Math.min(Math.max(normalize(start == null ? len - 1 : start, len), -1), len - 1);
        long lower = Math.min(Math.max(normalize(end == null ? -len - 1 : end, len), -1), len - 1);
        for (long i = upper; lower < i; i += s) {
          out.add(n.element((int) i));
        }
      }
    };
  }

  private static long normalize(long i, long len) {
    return i >= 0 ? i : len + i;
  }

  /** {@code [?expr]}: the children (elements or member values) for which the expression holds. */
  static Selector filter(Filters.Logical expr) {
    return (n, root, out) -> {
      List<Node> children = new ArrayList<>();
      WILDCARD.select(n, root, children);
      for (Node c : children) {
        if (expr.test(c.value(), root)) {
          out.add(c);
        }
      }
    };
  }
}

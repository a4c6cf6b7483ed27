package dev.tollgate.patch.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.tollgate.patch.jsonpath.JsonPath.Node;
import dev.tollgate.patch.jsonpath.JsonPath.Segment;
import java.util.List;
import java.util.Optional;

/** RFC 9535's filter expressions: logical operators, comparisons, queries and functions. */
final class Filters {

  private Filters() {}

  /** A logical expression, evaluated with {@code @} bound to the current node. */
  interface Logical {
    boolean test(JsonNode current, JsonNode root);
  }

  /** A value, or Nothing (empty): a literal, a singular query, a function result. */
  interface Value {
    Optional<JsonNode> value(JsonNode current, JsonNode root);
  }

  /** A query relative to {@code @} or absolute from {@code $}. */
  record Query(boolean relative, List<Segment> segments, boolean singular) {
    List<Node> nodes(JsonNode current, JsonNode root) {
      List<Node> nodes = List.of(new Node(relative ? current : root, ""));
      for (Segment s : segments) {
        nodes = s.apply(nodes, root);
      }
      return nodes;
    }

    /** As a value: the one node selected, or Nothing. */
    Optional<JsonNode> single(JsonNode current, JsonNode root) {
      List<Node> n = nodes(current, root);
      return n.size() == 1 ? Optional.of(n.get(0).value()) : Optional.empty();
    }
  }

  static Logical or(Logical a, Logical b) {
    return (c, r) -> a.test(c, r) || b.test(c, r);
  }

  static Logical and(Logical a, Logical b) {
    return (c, r) -> a.test(c, r) && b.test(c, r);
  }

  static Logical not(Logical a) {
    return (c, r) -> !a.test(c, r);
  }

  static Logical exists(Query q) {
    return (c, r) -> !q.nodes(c, r).isEmpty();
  }

  static Value literal(JsonNode v) {
    Optional<JsonNode> value = Optional.of(v);
    return (c, r) -> value;
  }

  static Value query(Query q) {
    return q::single;
  }

  /** {@code a op b}, with RFC 9535's rules: Nothing equals only Nothing; {@code <} orders numbers and strings. */
  static Logical compare(Value left, String op, Value right) {
    return (c, r) -> {
      Optional<JsonNode> a = left.value(c, r);
      Optional<JsonNode> b = right.value(c, r);
      return switch (op) {
        case "==" -> equal(a, b);
        case "!=" -> !equal(a, b);
        case "<" -> less(a, b);
        case ">" -> less(b, a);
        case "<=" -> less(a, b) || equal(a, b);
        case ">=" -> less(b, a) || equal(a, b);
        default -> throw new IllegalStateException(op);
      };
    };
  }

  private static boolean equal(Optional<JsonNode> a, Optional<JsonNode> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    JsonNode x = a.get();
    JsonNode y = b.get();
    if (x.isNumber() && y.isNumber()) {
      return x.decimalValue().compareTo(y.decimalValue()) == 0;
    }
    return x.equals(y);
  }

  private static boolean less(Optional<JsonNode> a, Optional<JsonNode> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    JsonNode x = a.get();
    JsonNode y = b.get();
    if (x.isNumber() && y.isNumber()) {
      return x.decimalValue().compareTo(y.decimalValue()) < 0;
    }
    return x.isTextual() && y.isTextual() && x.textValue().compareTo(y.textValue()) < 0;
  }

  // Functions.

  /** {@code length(v)}: characters of a string, elements of an array, members of an object. */
  static Value length(Value arg) {
    return (c, r) -> arg.value(c, r).flatMap(v -> {
      if (v.isTextual()) {
        return Optional.of(JsonNodeFactory.instance.numberNode(v.textValue().codePointCount(0, v.textValue().length())));
      }
      return v.isArray() || v.isObject() ? Optional.of(JsonNodeFactory.instance.numberNode(v.size())) : Optional.empty();
    });
  }

  /** {@code count(q)}: how many nodes a query selects. */
  static Value count(Query q) {
    return (c, r) -> Optional.of(JsonNodeFactory.instance.numberNode(q.nodes(c, r).size()));
  }

  /** {@code value(q)}: the one node a query selects, or Nothing. */
  static Value value(Query q) {
    return q::single;
  }

  /**
   * {@code match(s, re)} (the whole string) or {@code search(s, re)} (a substring), with I-Regexp
   * patterns. They run on RE2, whose time is linear in the input: a pattern in a patch policy must
   * not be able to stall translation by backtracking (I-Regexp is a subset RE2 reads alike).
   */
  static Logical regex(Value subject, Value pattern, boolean whole) {
    return (c, r) -> {
      Optional<JsonNode> s = subject.value(c, r);
      Optional<JsonNode> p = pattern.value(c, r);
      if (s.isEmpty() || p.isEmpty() || !s.get().isTextual() || !p.get().isTextual()) {
        return false;
      }
      Pattern compiled;
      try {
        compiled = Pattern.compile(p.get().textValue());
      } catch (PatternSyntaxException e) {
        return false; // an invalid I-Regexp matches nothing
      }
      var m = compiled.matcher(s.get().textValue());
      return whole ? m.matches() : m.find();
    };
  }
}

package dev.tollgate.patch.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled RFC 9535 JSONPath query over Jackson trees: child and descendant segments; name,
 * wildcard, index, slice and filter selectors; filters with comparisons, logical operators,
 * existence tests and the functions {@code length}, {@code count}, {@code match}, {@code search}
 * and {@code value}. Java has no well-kept implementation of RFC 9535 with its functions, so
 * this one is kept small and tested against the RFC's examples.
 *
 * <p>As in Envoy Gateway, a query may leave out the leading {@code $}
 * ({@code ..virtual_hosts[?match(@.name, '.*www')]}).
 */
public final class JsonPath {

  private final String text;
  private final List<Segment> segments;

  private JsonPath(String text, List<Segment> segments) {
    this.text = text;
    this.segments = segments;
  }

  /** Parses a query. */
  public static JsonPath compile(String query) {
    String q = query.strip();
    if (!q.startsWith("$")) {
      q = "$" + (q.startsWith(".") || q.startsWith("[") ? "" : ".") + q;
    }
    return new JsonPath(query, new Parser(q).query());
  }

  /** The JSON Pointers (RFC 6901) of the nodes the query selects, in the order it selects them. */
  public List<String> select(JsonNode root) {
    List<Node> nodes = List.of(new Node(root, ""));
    for (Segment s : segments) {
      nodes = s.apply(nodes, root);
    }
    List<String> out = new ArrayList<>(nodes.size());
    nodes.forEach(n -> out.add(n.pointer()));
    return out;
  }

  @Override
  public String toString() {
    return text;
  }

  /** A node of the document and where it is, as a JSON Pointer. */
  record Node(JsonNode value, String pointer) {
    Node child(String name) {
      return new Node(value.get(name), pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
    }

    Node element(int index) {
      return new Node(value.get(index), pointer + "/" + index);
    }
  }

  /** A segment maps the nodes selected so far to the next ones. */
  interface Segment {
    List<Node> apply(List<Node> input, JsonNode root);
  }
}

package dev.tollgate.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Structure-aware mutations of a list of manifests, the kinds of damage people and attackers do:
 * a field deleted, a value of the wrong type, a {@code null} list item, a huge value, control
 * characters, deep nesting, an item or a whole object duplicated, two references swapped,
 * extreme numbers. Each mutation picks its place uniformly over every node of every document.
 */
final class InputMutator {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String[] STRANGE = {"", " ", "\u0000", "a\u0007b", "line\nbreak", "\r\n", "\u2028", "\u202e-rtl",
      "\ud83d\ude00", "../../etc/passwd", "*", "*.", "::1", "127.0.0.1", "-", "--", "a b", "${x}", "%00", "\\", "\"'"};
  private static final long[] NUMBERS = {0, -1, 1, 65535, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
      Long.MIN_VALUE, 10000, 86400, 999999999};

  private final Choices choices;

  InputMutator(Choices choices) {
    this.choices = choices;
  }

  /** The documents with {@code count} mutations applied; the originals are not changed. */
  List<JsonNode> mutate(List<JsonNode> documents, int count) {
    List<JsonNode> docs = new ArrayList<>();
    documents.forEach(d -> docs.add(d.deepCopy()));
    for (int i = 0; i < count && !docs.isEmpty(); i++) {
      mutateOnce(docs);
    }
    return docs;
  }

  private void mutateOnce(List<JsonNode> docs) {
    switch (choices.below(12)) {
      case 0 -> docs.add(docs.get(choices.below(docs.size())).deepCopy()); // the same object twice
      case 1 -> docs.remove(choices.below(docs.size()));
      case 2 -> swapStrings(docs);
      default -> {
        List<Place> places = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
          collect(docs, d, null, null, -1, docs.get(d), places);
        }
        if (!places.isEmpty()) {
          change(places.get(choices.below(places.size())));
        }
      }
    }
  }

  /** A node and where it hangs: in an object under a name, in a list at an index, or a whole document. */
  private record Place(List<JsonNode> docs, int document, JsonNode parent, String field, int index, JsonNode node) {
    void replace(JsonNode value) {
      if (parent instanceof ObjectNode o) {
        o.set(field, value);
      } else if (parent instanceof ArrayNode a) {
        a.set(index, value);
      } else {
        docs.set(document, value);
      }
    }
  }

  private static void collect(List<JsonNode> docs, int d, JsonNode parent, String field, int index, JsonNode node,
      List<Place> out) {
    out.add(new Place(docs, d, parent, field, index, node));
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        collect(docs, d, node, e.getKey(), -1, e.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(docs, d, node, null, i, node.get(i), out);
      }
    }
  }

  private void change(Place p) {
    switch (choices.below(11)) {
      case 0 -> {
        if (p.parent() instanceof ObjectNode o) {
          o.remove(p.field());
        } else if (p.parent() instanceof ArrayNode a) {
          a.remove(p.index());
        }
      }
      case 1 -> p.replace(JSON.nullNode());
      case 2 -> p.replace(otherType(p.node()));
      case 3 -> {
        if (p.node() instanceof ArrayNode a) {
          a.insertNull(choices.below(a.size() + 1));
        } else {
          p.replace(JSON.arrayNode().addNull());
        }
      }
      case 4 -> p.replace(JSON.textNode(huge()));
      case 5 -> p.replace(JSON.textNode(strange(p.node())));
      case 6 -> p.replace(nest(p.node(), 5 + choices.below(150)));
      case 7 -> {
        if (p.node() instanceof ArrayNode a && !a.isEmpty()) {
          JsonNode item = a.get(choices.below(a.size()));
          int copies = choices.coin() ? 1 : 200;
          for (int i = 0; i < copies; i++) {
            a.add(item.deepCopy());
          }
        } else {
          p.replace(JSON.arrayNode().add(p.node().deepCopy()).add(p.node().deepCopy()));
        }
      }
      case 8 -> p.replace(JSON.numberNode(NUMBERS[choices.below(NUMBERS.length)]));
      case 9 -> {
        if (p.node() instanceof ObjectNode o) {
          o.put(STRANGE[choices.below(STRANGE.length)] + "unknown", "x");
        } else {
          p.replace(JSON.objectNode());
        }
      }
      default -> p.replace(choices.coin() ? JSON.numberNode(1.5) : JSON.booleanNode(choices.coin()));
    }
  }

  private JsonNode otherType(JsonNode node) {
    return switch (choices.below(6)) {
      case 0 -> node.isTextual() ? JSON.numberNode(80) : JSON.textNode("80");
      case 1 -> JSON.booleanNode(true);
      case 2 -> JSON.objectNode().set("value", node.deepCopy());
      case 3 -> JSON.arrayNode().add(node.deepCopy());
      case 4 -> JSON.textNode(node.isContainerNode() ? "object" : node.asText() + "x");
      default -> JSON.numberNode(-1);
    };
  }

  private String huge() {
    int length = choices.coin() ? 70_000 : 1_000_000;
    String unit = choices.coin() ? "a" : "é.-/";
    return unit.repeat(length / unit.length() + 1).substring(0, length);
  }

  private String strange(JsonNode node) {
    String s = STRANGE[choices.below(STRANGE.length)];
    return node.isTextual() && choices.coin() ? node.asText() + s : s;
  }

  private JsonNode nest(JsonNode node, int depth) {
    JsonNode out = node.deepCopy();
    for (int i = 0; i < depth; i++) {
      out = choices.coin() ? JSON.arrayNode().add(out) : JSON.objectNode().set("n", out);
    }
    return out;
  }

  /** Two string values trade places: a reference now names another object (or a name a kind). */
  private void swapStrings(List<JsonNode> docs) {
    List<Place> strings = new ArrayList<>();
    for (int d = 0; d < docs.size(); d++) {
      List<Place> all = new ArrayList<>();
      collect(docs, d, null, null, -1, docs.get(d), all);
      all.stream().filter(p -> p.node() instanceof TextNode && p.parent() != null).forEach(strings::add);
    }
    if (strings.size() < 2) {
      return;
    }
    Place a = strings.get(choices.below(strings.size()));
    Place b = strings.get(choices.below(strings.size()));
    JsonNode va = a.node();
    a.replace(b.node());
    b.replace(va);
  }
}

package dev.tollgate.kubernetes.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.translator.json.Mappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Statuses as JSON trees: the translator's records, the API server's maps and what is written
 * all go through the project's mapper, so a status compares equal however it was read.
 */
final class StatusTrees {
  private StatusTrees() {}

  /** The tree of a status record or of a map read from the API server; an empty object for none. */
  static JsonNode of(Object value) {
    if (value == null) {
      return Mappers.json().createObjectNode();
    }
    return canonical(Mappers.json().valueToTree(value));
  }

  /**
   * The same tree with numbers read back as a parser reads them: a {@code Long} generation
   * and the API server's {@code Integer} one must not look different.
   */
  static JsonNode canonical(JsonNode tree) {
    if (tree == null || tree.isNull() || tree.isMissingNode()) {
      return Mappers.json().createObjectNode();
    }
    try {
      return Mappers.json().readTree(Mappers.json().writeValueAsBytes(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode object(JsonNode tree) {
    return tree != null && tree.isObject() ? ((ObjectNode) tree).deepCopy() : Mappers.json().createObjectNode();
  }

  /** The plain map fabric8 serializes as the {@code status} field. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> toMap(JsonNode tree) {
    return Mappers.json().convertValue(tree == null ? NullNode.getInstance() : tree, Map.class);
  }
}

package dev.tollgate.translator.admission.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.translator.admission.FieldError;
import dev.tollgate.translator.admission.FieldPath;
import dev.tollgate.translator.json.Mappers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The invariants of {@code x-kubernetes-list-type}: a {@code set} holds no value twice, a
 * {@code map} no two items with the same values of its {@code x-kubernetes-list-map-keys}.
 */
final class ListTypes {

  private ListTypes() {}

  /** Adds an error for every duplicate in the lists of {@code value}, a value of {@code schema} at {@code path}. */
  static void check(SchemaNode schema, JsonNode value, FieldPath path, List<FieldError> errors) {
    if (schema == null) {
      return;
    }
    if (value instanceof ObjectNode object) {
      object.fields().forEachRemaining(e ->
          check(schema.field(e.getKey()), e.getValue(), path.child(e.getKey()), errors));
    } else if (value instanceof ArrayNode array) {
      switch (schema.listType()) {
        case "set" -> duplicates(array, path, item -> item, errors);
        case "map" -> duplicates(array, path, item -> keyOf(item, schema.listMapKeys()), errors);
        default -> { }
      }
      for (int i = 0; i < array.size(); i++) {
        check(schema.items(), array.get(i), path.index(i), errors);
      }
    }
  }

  private static void duplicates(ArrayNode array, FieldPath path, Function<JsonNode, JsonNode> identity,
      List<FieldError> errors) {
    Set<JsonNode> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      if (item == null || item.isNull()) {
        continue; // a type error, reported by the schema check
      }
      JsonNode id = identity.apply(item);
      if (!seen.add(id)) {
        errors.add(new FieldError(FieldError.Type.DUPLICATE, path.index(i).toString(), "Duplicate value: " + shown(id)));
      }
    }
  }

  /** The item's list-map key fields, as one value; absent keys count as absent. */
  private static JsonNode keyOf(JsonNode item, List<String> keys) {
    ObjectNode key = Mappers.json().createObjectNode();
    for (String k : keys) {
      if (item.has(k)) {
        key.set(k, item.get(k));
      }
    }
    return key;
  }

  private static String shown(JsonNode id) {
    String json = id.toString();
    return json.length() > 200 ? json.substring(0, 200) + "..." : json;
  }

}

package dev.tollgate.translator.admission.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the API server does to an object before validating it: fields set to {@code null} whose
 * schema is not nullable are removed, then absent fields with a {@code default} get it, at every
 * level. Objects are then validated, and translated, with their defaults, as in a cluster.
 */
final class StructuralDefaults {

  private StructuralDefaults() {}

  static void apply(SchemaNode schema, JsonNode value) {
    if (schema == null) {
      return;
    }
    if (value instanceof ObjectNode object) {
      List<String> nulls = new ArrayList<>();
      object.fields().forEachRemaining(e -> {
        SchemaNode field = schema.field(e.getKey());
        if (e.getValue().isNull() && field != null && !field.nullable()) {
          nulls.add(e.getKey());
        }
      });
      object.remove(nulls);
      for (Map.Entry<String, SchemaNode> p : schema.properties().entrySet()) {
        if (!object.has(p.getKey()) && p.getValue().defaultValue() != null) {
          object.set(p.getKey(), p.getValue().defaultValue().deepCopy());
        }
      }
      object.fields().forEachRemaining(e -> apply(schema.field(e.getKey()), e.getValue()));
    } else if (value instanceof ArrayNode array && schema.items() != null) {
      array.forEach(item -> apply(schema.items(), item));
    }
  }
}

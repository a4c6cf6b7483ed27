package dev.tollgate.translator.admission.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.admission.FieldError;
import dev.tollgate.translator.admission.FieldPath;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of one kind's schema, ready to check objects: its structure (for defaults, list
 * types and CEL rules) and its value checks.
 */
public final class KindSchema {

  private final SchemaNode structure;
  private final ValueSchema values;

  KindSchema(JsonNode openApiSchema) {
    this.structure = SchemaNode.of(openApiSchema);
    this.values = ValueSchema.of(openApiSchema);
  }

  public SchemaNode structure() {
    return structure;
  }

  /** Removes non-nullable nulls and sets defaults in {@code document}, as the API server does before checking. */
  public void applyDefaults(JsonNode document) {
    StructuralDefaults.apply(structure, document);
  }

  /** Type, value, required-field, unknown-field and list-type errors, in document order. */
  public List<FieldError> checkValues(JsonNode document) {
    List<FieldError> errors = new ArrayList<>(values.check(document));
    ListTypes.check(structure, document, FieldPath.ROOT, errors);
    return errors;
  }
}

package dev.tollgate.translator.admission.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import dev.tollgate.translator.admission.FieldError;
import dev.tollgate.translator.admission.FieldPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value checks of a kind's schema (types, required fields, enums, patterns, formats, bounds),
 * run by networknt's JSON Schema validator, with every object closed as
 * {@code kubectl --validate=strict} closes it: a field the schema does not declare is an error,
 * unless the schema preserves unknown fields.
 */
final class ValueSchema {

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      Dialect.builder(Dialects.getOpenApi30()).formats(KubernetesFormats.all()).build(),
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
          .formatAssertionsEnabled(true)
          .regularExpressionFactory(new Re2Patterns())
          .build()));

  private final Schema schema;

  private ValueSchema(Schema schema) {
    this.schema = schema;
  }

  /** Compiles a closed copy of an {@code openAPIV3Schema}; the original is left as it is. */
  static ValueSchema of(JsonNode openApiSchema) {
    JsonNode closed = openApiSchema.deepCopy();
    close(closed);
    return new ValueSchema(REGISTRY.getSchema(closed));
  }

  /** Every value error in the document, in the order the validator found them. */
  List<FieldError> check(JsonNode document) {
    List<Error> raw = schema.validate(document);
    List<FieldError> out = new ArrayList<>();
    Map<String, List<String>> alternatives = new LinkedHashMap<>();
    for (Error e : raw) {
      String path = pathOf(e.getInstanceLocation());
      if ("type".equals(e.getKeyword()) && e.getEvaluationPath().toString().contains("anyOf")) {
        alternatives.computeIfAbsent(path, k -> new ArrayList<>()).add(argument(e, 1));
        continue; // an int-or-string: one message naming both types, below
      }
      out.add(SchemaMessages.describe(e, path));
    }
    alternatives.forEach((path, types) -> out.add(
        new FieldError(FieldError.Type.TYPE_INVALID, path, "Invalid value: \"" + typeName(raw, path) + "\": must be of type " + String.join(" or ", types))));
    return out;
  }

  private static String typeName(List<Error> raw, String path) {
    for (Error e : raw) {
      if (pathOf(e.getInstanceLocation()).equals(path)) {
        return argument(e, 0);
      }
    }
    return "value";
  }

  static String argument(Error e, int i) {
    Object[] args = e.getArguments();
    return args != null && args.length > i ? String.valueOf(args[i]) : "";
  }

  static String pathOf(NodePath location) {
    String path = "";
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path = element instanceof Integer index ? FieldPaths.index(path, index) : FieldPaths.child(path, String.valueOf(element));
    }
    return path;
  }

  /** Walks subschemas only (never enum values, defaults or examples), closing object schemas. */
  private static void close(JsonNode schema) {
    if (!(schema instanceof ObjectNode node)) {
      return;
    }
    boolean preserves = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    // Kubernetes' own keywords are acted on elsewhere (defaults, list types, CEL rules); the JSON
    // Schema validator would only warn about them.
    node.remove(List.of("description", "default", "example"));
    List<String> kubernetesKeywords = new ArrayList<>();
    node.fieldNames().forEachRemaining(f -> {
      if (f.startsWith("x-kubernetes-")) {
        kubernetesKeywords.add(f);
      }
    });
    node.remove(kubernetesKeywords);
    boolean objectType = node.path("type").asText("").equals("object") || node.has("properties");
    if (objectType && !preserves && !node.has("additionalProperties")) {
      node.put("additionalProperties", false);
    }
    node.path("properties").forEach(ValueSchema::close);
    close(node.get("additionalProperties"));
    close(node.get("items"));
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      if (node.get(combinator) instanceof ArrayNode branches) {
        branches.forEach(ValueSchema::close);
      }
    }
    close(node.get("not"));
  }
}

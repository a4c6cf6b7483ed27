package dev.tollgate.translator.admission.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a structural schema (the shape Kubernetes requires of CRD schemas), with what the
 * API server acts on beyond plain JSON Schema: defaults, null pruning, list types and CEL rules.
 * Value checks (types, enums, patterns, bounds) are left to the JSON Schema validator.
 */
public record SchemaNode(
    String type,
    Map<String, SchemaNode> properties,
    SchemaNode additionalProperties,
    SchemaNode items,
    JsonNode defaultValue,
    boolean nullable,
    boolean preservesUnknownFields,
    String listType,
    List<String> listMapKeys,
    List<Rule> rules) {

  /** An {@code x-kubernetes-validations} entry. */
  public record Rule(String rule, String message) {
    /** Transition rules compare with the stored object; a new object has none. */
    public boolean isTransitionRule() {
      return rule.contains("oldSelf");
    }
  }

  /** The schema of a property of an object, or of a value of a map; null when not declared. */
  public SchemaNode field(String name) {
    SchemaNode declared = properties.get(name);
    return declared != null ? declared : additionalProperties;
  }

  /** Reads a node of an {@code openAPIV3Schema}; anyOf/allOf branches only carry value checks, as structural schemas require. */
  public static SchemaNode of(JsonNode schema) {
    Map<String, SchemaNode> properties = new LinkedHashMap<>();
    schema.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), of(e.getValue())));
    JsonNode additional = schema.path("additionalProperties");
    List<String> keys = new ArrayList<>();
    schema.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
    List<Rule> rules = new ArrayList<>();
    for (JsonNode r : schema.path("x-kubernetes-validations")) {
      rules.add(new Rule(r.path("rule").asText(), r.path("message").asText("")));
    }
    return new SchemaNode(
        schema.path("type").asText(""),
        Collections.unmodifiableMap(properties),
        additional.isObject() ? of(additional) : null,
        schema.path("items").isObject() ? of(schema.path("items")) : null,
        schema.has("default") ? schema.get("default") : null,
        schema.path("nullable").asBoolean(false),
        schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false),
        schema.path("x-kubernetes-list-type").asText(""),
        List.copyOf(keys),
        List.copyOf(rules));
  }
}

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
 *
 * @param rules the node's CEL rules that apply to a new object (transition rules left out)
 * @param rulesBelow whether this node or any node below it has rules
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
    List<Rule> rules,
    boolean rulesBelow) {

  /** An {@code x-kubernetes-validations} entry. */
  public record Rule(String rule, String message) {
    /** Transition rules compare with the stored object; a new object has none. */
    boolean isTransitionRule() {
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
      Rule rule = new Rule(r.path("rule").asText(), r.path("message").asText(""));
      if (!rule.isTransitionRule()) {
        rules.add(rule); // a new object has no old self to compare with
      }
    }
    SchemaNode additionalSchema = additional.isObject() ? of(additional) : null;
    SchemaNode itemSchema = schema.path("items").isObject() ? of(schema.path("items")) : null;
    boolean below = !rules.isEmpty() || properties.values().stream().anyMatch(SchemaNode::rulesBelow)
        || (additionalSchema != null && additionalSchema.rulesBelow()) || (itemSchema != null && itemSchema.rulesBelow());
    return new SchemaNode(
        schema.path("type").asText(""),
        Collections.unmodifiableMap(properties),
        additionalSchema,
        itemSchema,
        schema.has("default") ? schema.get("default") : null,
        schema.path("nullable").asBoolean(false),
        schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false),
        schema.path("x-kubernetes-list-type").asText(""),
        List.copyOf(keys),
        List.copyOf(rules),
        below);
  }
}

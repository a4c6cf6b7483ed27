package dev.tollgate.translator.admission.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.NullValue;
import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.tollgate.translator.admission.FieldError;
import dev.tollgate.translator.admission.FieldPath;
import dev.tollgate.translator.admission.schema.SchemaNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates the {@code x-kubernetes-validations} rules of a schema over an object, as the API
 * server does: each rule at every value its schema node describes, with {@code self} bound to
 * that value as CEL sees it (declared property names escaped as Kubernetes escapes them); absent
 * values are not checked; transition rules ({@code oldSelf}) do not apply to a new object. Rules
 * are compiled once and shared.
 */
public final class ValidationRules {

  private final Cel cel;
  private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

  public ValidationRules(Cel cel) {
    this.cel = cel;
  }

  /** The outcome of compiling one rule: a program, or why there is none. */
  private record Compiled(CelRuntime.Program program, String error) {}

  /** Adds an error for every rule that fails on {@code document}, a value of {@code schema}. */
  public void check(SchemaNode schema, JsonNode document, List<FieldError> errors) {
    walk(schema, document, FieldPath.ROOT, errors, false);
  }

  /**
   * Evaluates the rules of {@code node} and of everything below it. Only subtrees with rules are
   * descended into; a subtree's value as CEL sees it is built only when a rule at it or above it
   * needs it, and returned then (else null).
   */
  private Object walk(SchemaNode schema, JsonNode node, FieldPath path, List<FieldError> errors, boolean valueNeeded) {
    boolean needed = valueNeeded || !schema.rules().isEmpty();
    Object value = null;
    if (node.isObject()) {
      Map<String, Object> map = needed ? new LinkedHashMap<>() : null;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        SchemaNode field = schema.field(e.getKey());
        Object child = child(field, e.getValue(), path, e.getKey(), -1, errors, needed);
        if (map != null) {
          map.put(schema.properties().containsKey(e.getKey()) ? PropertyNames.escape(e.getKey()) : e.getKey(), child);
        }
      }
      value = map;
    } else if (node.isArray()) {
      List<Object> list = needed ? new ArrayList<>(node.size()) : null;
      for (int i = 0; i < node.size(); i++) {
        Object child = child(schema.items(), node.get(i), path, null, i, errors, needed);
        if (list != null) {
          list.add(child);
        }
      }
      value = list;
    } else if (needed) {
      value = scalar(node);
    }
    for (SchemaNode.Rule rule : schema.rules()) {
      evaluate(rule, schema, value, path, errors);
    }
    return valueNeeded ? value : null;
  }

  private Object child(SchemaNode schema, JsonNode node, FieldPath path, String field, int index, List<FieldError> errors,
      boolean valueNeeded) {
    if (schema != null && schema.rulesBelow()) {
      return walk(schema, node, field != null ? path.child(field) : path.index(index), errors, valueNeeded);
    }
    return valueNeeded ? convert(schema, node) : null;
  }

  /** The value as CEL sees it, for a subtree without rules of its own. */
  private static Object convert(SchemaNode schema, JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        boolean declared = schema != null && schema.properties().containsKey(e.getKey());
        map.put(declared ? PropertyNames.escape(e.getKey()) : e.getKey(),
            convert(schema == null ? null : schema.field(e.getKey()), e.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(item -> list.add(convert(schema == null ? null : schema.items(), item)));
      return list;
    }
    return scalar(node);
  }

  private static Object scalar(JsonNode node) {
    if (node.isNull()) {
      return NullValue.NULL_VALUE;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    return node.isNumber() ? node.doubleValue() : node.asText();
  }

  private void evaluate(SchemaNode.Rule rule, SchemaNode schema, Object value, FieldPath at, List<FieldError> errors) {
    Compiled c = compiled.computeIfAbsent(rule.rule(), this::compile);
    String shown = "\"" + (schema.type().isEmpty() ? "value" : schema.type()) + "\"";
    if (c.error() != null) {
      errors.add(new FieldError(FieldError.Type.INVALID, at.toString(),
          "Invalid value: " + shown + ": rule could not be compiled (" + c.error() + "): " + rule.rule()));
      return;
    }
    try {
      Object result = c.program().eval(Map.of("self", value));
      if (!Boolean.TRUE.equals(result)) {
        String message = Boolean.FALSE.equals(result)
            ? (rule.message().isEmpty() ? "failed rule: " + rule.rule() : rule.message())
            : "rule did not evaluate to a bool: " + rule.rule();
        errors.add(new FieldError(FieldError.Type.INVALID, at.toString(), "Invalid value: " + shown + ": " + message));
      }
    } catch (CelEvaluationException | RuntimeException e) {
      errors.add(new FieldError(FieldError.Type.INVALID, at.toString(), "Invalid value: " + shown + ": rule evaluation error: "
          + firstLine(e.getMessage()) + " (rule: " + rule.rule() + ")"));
    }
  }

  private Compiled compile(String rule) {
    try {
      CelAbstractSyntaxTree ast = cel.compile(rule).getAst();
      return new Compiled(cel.createProgram(ast), null);
    } catch (CelValidationException | CelEvaluationException | RuntimeException e) {
      return new Compiled(null, firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}

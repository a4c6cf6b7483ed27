package dev.tollgate.translator.admission.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.NullValue;
import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.tollgate.translator.admission.FieldError;
import dev.tollgate.translator.admission.FieldPaths;
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
    walk(schema, document, "", errors);
  }

  /** The value as CEL sees it; rules of nested values are evaluated on the way. */
  private Object walk(SchemaNode schema, JsonNode node, String path, List<FieldError> errors) {
    Object value;
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        SchemaNode field = schema == null ? null : schema.field(e.getKey());
        boolean declared = schema != null && schema.properties().containsKey(e.getKey());
        map.put(declared ? PropertyNames.escape(e.getKey()) : e.getKey(),
            walk(field, e.getValue(), FieldPaths.child(path, e.getKey()), errors));
      }
      value = map;
    } else if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        list.add(walk(schema == null ? null : schema.items(), node.get(i), FieldPaths.index(path, i), errors));
      }
      value = list;
    } else {
      value = scalar(node);
    }
    if (schema != null) {
      for (SchemaNode.Rule rule : schema.rules()) {
        if (!rule.isTransitionRule()) {
          evaluate(rule, schema, value, path, errors);
        }
      }
    }
    return value;
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

  private void evaluate(SchemaNode.Rule rule, SchemaNode schema, Object value, String path, List<FieldError> errors) {
    Compiled c = compiled.computeIfAbsent(rule.rule(), this::compile);
    String shown = "\"" + (schema.type().isEmpty() ? "value" : schema.type()) + "\"";
    if (c.error() != null) {
      errors.add(new FieldError(FieldError.Type.INVALID, path,
          "Invalid value: " + shown + ": rule could not be compiled (" + c.error() + "): " + rule.rule()));
      return;
    }
    try {
      Object result = c.program().eval(Map.of("self", value));
      if (!Boolean.TRUE.equals(result)) {
        String message = Boolean.FALSE.equals(result)
            ? (rule.message().isEmpty() ? "failed rule: " + rule.rule() : rule.message())
            : "rule did not evaluate to a bool: " + rule.rule();
        errors.add(new FieldError(FieldError.Type.INVALID, path, "Invalid value: " + shown + ": " + message));
      }
    } catch (CelEvaluationException | RuntimeException e) {
      errors.add(new FieldError(FieldError.Type.INVALID, path, "Invalid value: " + shown + ": rule evaluation error: "
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

package dev.tollgate.translator.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.tollgate.translator.admission.FieldPaths;
import java.io.IOException;
import java.util.List;

/**
 * Binds a JSON tree to a model type, turning Jackson's errors into a field path and a sentence a
 * user can act on ({@code spec.rules[0].weight: invalid value "x": expected an integer}), and
 * collecting the fields the model does not know. No Jackson sentence reaches a message: they
 * name Java types and parser internals, not the user's fields.
 */
public final class Binder {

  /**
   * The outcome of binding: the value, or the field and message of the first error.
   *
   * @param unknownFields fields the model does not know, as paths from the tree's root
   * @param errorField the field of the error, relative to the tree's root (empty for the root itself)
   */
  public record Result<T>(T value, List<String> unknownFields, String errorField, String error) {
    public boolean ok() {
      return error == null;
    }

    /** The error as a message, its field placed under {@code prefix}: {@code spec.rules[0].weight: ...}. */
    public String errorUnder(String prefix) {
      return FieldPaths.located(FieldPaths.join(prefix, errorField), error);
    }

    /** The unknown fields placed under {@code prefix}. */
    public List<String> unknownFieldsUnder(String prefix) {
      return unknownFields.stream().map(f -> FieldPaths.join(prefix, f)).toList();
    }
  }

  private Binder() {}

  private static JsonNode emptyObject() {
    return Mappers.json().createObjectNode();
  }

  /** An absent tree ({@code null}, or a JSON null such as {@code spec: null}) binds as an empty object: its defaults. */
  public static <T> Result<T> bind(JsonNode tree, Class<T> type) {
    JsonNode doc = tree == null || tree.isNull() || tree.isMissingNode() ? emptyObject() : tree;
    ObjectReader reader = Mappers.json().readerFor(type);
    try {
      T value = reader.readValue(doc);
      return new Result<>(value, ModelFields.unknown(doc, type), null, null);
    } catch (MismatchedInputException e) {
      return new Result<>(null, List.of(), Mappers.path(e), describe(e, doc));
    } catch (ValueInstantiationException e) {
      // A model's own check (IntOrString): its message is written for users, Jackson's wrapper is not.
      String why = e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null
          ? firstLine(iae.getMessage()) : "invalid value";
      return new Result<>(null, List.of(), Mappers.path(e), why);
    } catch (JsonMappingException e) {
      return new Result<>(null, List.of(), Mappers.path(e), "invalid value");
    } catch (IOException e) {
      return new Result<>(null, List.of(), "", "cannot be read as " + typeName(type));
    }
  }

  private static String describe(MismatchedInputException e, JsonNode doc) {
    if (e instanceof InvalidFormatException ife) {
      return "invalid value " + quoted(ife.getValue()) + ": expected " + typeName(ife.getTargetType());
    }
    if (e.getTargetType() != null) {
      String got = valueAt(doc, e);
      return (got == null ? "" : "invalid value " + got + ": ") + "expected " + typeName(e.getTargetType());
    }
    return "invalid value";
  }

  /** The offending value, found by following the error's path through the document. */
  private static String valueAt(JsonNode doc, JsonMappingException e) {
    JsonNode node = doc;
    for (JsonMappingException.Reference ref : e.getPath()) {
      node = ref.getFieldName() != null ? node.path(ref.getFieldName()) : node.path(ref.getIndex());
    }
    if (node.isTextual()) {
      return "\"" + node.asText() + "\"";
    }
    if (node.isValueNode()) {
      return node.asText();
    }
    return node.isObject() ? "(an object)" : node.isArray() ? "(a list)" : null;
  }

  private static String quoted(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }

  private static String typeName(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "an object";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}

package dev.tollgate.translator.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.List;

/**
 * Binds a JSON tree to a model type, turning Jackson's errors into a field path and a sentence a
 * user can act on ({@code spec.rules[0].weight: invalid value "x": expected an integer}), and
 * collecting the fields the model does not know.
 */
public final class Binder {

  /**
   * The outcome of binding: the value, or the field and message of the first error.
   *
   * @param unknownFields fields the model does not know, as paths from the tree's root
   */
  public record Result<T>(T value, List<String> unknownFields, String errorField, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  private Binder() {}

  /** An empty object, for binding an absent spec. */
  public static JsonNode emptyObject() {
    return Mappers.json().createObjectNode();
  }

  public static <T> Result<T> bind(JsonNode tree, Class<T> type) {
    ObjectReader reader = Mappers.json().readerFor(type);
    try {
      T value = reader.readValue(tree);
      return new Result<>(value, ModelFields.unknown(tree, type), null, null);
    } catch (MismatchedInputException e) {
      return new Result<>(null, List.of(), Mappers.path(e), describe(e, tree));
    } catch (JsonMappingException e) {
      return new Result<>(null, List.of(), Mappers.path(e), firstLine(e.getOriginalMessage()));
    } catch (IOException | IllegalArgumentException e) {
      return new Result<>(null, List.of(), "", firstLine(e.getMessage()));
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
    return firstLine(e.getOriginalMessage());
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

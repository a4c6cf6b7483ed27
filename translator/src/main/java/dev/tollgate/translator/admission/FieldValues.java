package dev.tollgate.translator.admission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.json.JsonStrings;
import java.util.List;
import java.util.Map;

/** How values appear in messages: strings quoted, numbers bare, containers by their type, long ones cut. */
public final class FieldValues {

  private static final int MAX_SHOWN = 120;

  private FieldValues() {}

  public static String show(Object value) {
    if (value instanceof JsonNode node) {
      if (node.isTextual()) {
        return quote(node.asText());
      }
      if (node.isNull()) {
        return "null";
      }
      if (node.isObject()) {
        return "\"object\"";
      }
      if (node.isArray()) {
        return "\"array\"";
      }
      return cut(node.asText());
    }
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof Map<?, ?>) {
      return "\"object\"";
    }
    if (value instanceof List<?>) {
      return "\"array\"";
    }
    return cut(String.valueOf(value));
  }

  /** A JSON-style quoted string, cut when long; control characters escaped so a message stays on one line. */
  public static String quote(String s) {
    String shown = JsonStrings.escape(s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) : s);
    return "\"" + shown + "\"" + (s.length() > MAX_SHOWN ? "... (" + s.length() + " characters)" : "");
  }

  private static String cut(String s) {
    return s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "..." : s;
  }
}

package dev.tollgate.translator.admission.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import dev.tollgate.translator.admission.FieldError;
import dev.tollgate.translator.admission.FieldPaths;
import dev.tollgate.translator.admission.FieldValues;
import java.util.ArrayList;
import java.util.List;

/** A JSON Schema validator's error, worded as the Kubernetes API server words the same failure. */
final class SchemaMessages {

  private SchemaMessages() {}

  static FieldError describe(Error e, String path) {
    JsonNode value = e.getInstanceNode();
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    return switch (keyword) {
      case "required" -> FieldError.required(FieldPaths.child(path, e.getProperty()));
      case "additionalProperties" -> FieldError.unknownField(FieldPaths.child(path, e.getProperty()));
      case "type" -> new FieldError(FieldError.Type.TYPE_INVALID, path,
          "Invalid value: \"" + ValueSchema.argument(e, 0) + "\": must be of type " + ValueSchema.argument(e, 1));
      case "enum" -> new FieldError(FieldError.Type.UNSUPPORTED, path, "Unsupported value: " + FieldValues.show(value) + ": supported values: "
          + supported(e.getSchemaNode()));
      case "pattern" -> FieldError.invalid(path, value, "should match '" + ValueSchema.argument(e, 0) + "'");
      case "format" -> FieldError.invalid(path, value, "must be of type " + ValueSchema.argument(e, 0));
      case "maxLength" -> new FieldError(FieldError.Type.TOO_LONG, path, "Too long: may not be longer than " + ValueSchema.argument(e, 0));
      case "minLength" -> FieldError.invalid(path, value, "should be at least " + ValueSchema.argument(e, 0) + " chars long");
      case "maximum" -> FieldError.invalid(path, value, bound(e, "less than"));
      case "minimum" -> FieldError.invalid(path, value, bound(e, "greater than"));
      case "exclusiveMaximum" -> FieldError.invalid(path, value, "should be less than " + ValueSchema.argument(e, 0));
      case "exclusiveMinimum" -> FieldError.invalid(path, value, "should be greater than " + ValueSchema.argument(e, 0));
      case "maxItems" -> new FieldError(FieldError.Type.TOO_MANY, path,
          "Too many: " + value.size() + ": must have at most " + ValueSchema.argument(e, 0) + " items");
      case "minItems" -> FieldError.invalid(path, value.size(), "should have at least " + ValueSchema.argument(e, 0) + " items");
      case "maxProperties" -> new FieldError(FieldError.Type.TOO_MANY, path,
          "Too many: " + value.size() + ": must have at most " + ValueSchema.argument(e, 0) + " properties");
      case "minProperties" -> FieldError.invalid(path, value.size(),
          "should have at least " + ValueSchema.argument(e, 0) + " properties");
      case "uniqueItems" -> new FieldError(FieldError.Type.DUPLICATE, path, "Duplicate value: the list holds a value twice");
      case "multipleOf" -> FieldError.invalid(path, value, "should be a multiple of " + ValueSchema.argument(e, 0));
      default -> FieldError.invalid(path, value, e.getMessage());
    };
  }

  private static String bound(Error e, String direction) {
    return "should be " + direction + " or equal to " + ValueSchema.argument(e, 0);
  }

  /** The enum's values as Kubernetes lists them: {@code "HTTP", "HTTPS"}. */
  private static String supported(JsonNode enumValues) {
    List<String> shown = new ArrayList<>();
    if (enumValues != null) {
      enumValues.forEach(v -> shown.add(FieldValues.show(v)));
    }
    return String.join(", ", shown);
  }
}

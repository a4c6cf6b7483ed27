package dev.tollgate.translator.admission.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.format.Format;
import java.util.Base64;
import java.util.List;

/**
 * The OpenAPI formats Kubernetes checks that the JSON Schema validator does not know: integer
 * widths and base64 ({@code byte}, the encoding of a Secret's data).
 */
final class KubernetesFormats {

  private KubernetesFormats() {}

  static List<Format> all() {
    return List.of(new IntegerWidth("int32", Integer.MIN_VALUE, Integer.MAX_VALUE),
        new IntegerWidth("int64", Long.MIN_VALUE, Long.MAX_VALUE), new Base64Bytes());
  }

  private record IntegerWidth(String name, long min, long max) implements Format {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean matches(ExecutionContext execution, SchemaContext schema, JsonNode value) {
      if (!value.isNumber()) {
        return true; // the type keyword reports it
      }
      return value.canConvertToLong() && value.isIntegralNumber() && value.longValue() >= min && value.longValue() <= max;
    }
  }

  private static final class Base64Bytes implements Format {
    @Override
    public String getName() {
      return "byte";
    }

    @Override
    public boolean matches(ExecutionContext execution, String value) {
      try {
        Base64.getDecoder().decode(value.replace("\r", "").replace("\n", "")); // as Go's decoder, line breaks aside
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
  }
}

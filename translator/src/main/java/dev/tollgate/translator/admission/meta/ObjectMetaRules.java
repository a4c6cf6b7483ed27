package dev.tollgate.translator.admission.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.admission.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The API server's checks of an object's metadata that depend on its kind or span fields, and so
 * are not in ObjectMeta's schema: the format of the name (a DNS subdomain for most kinds, a DNS
 * label for Namespaces, a DNS-1035 label for Services) and the total size of the annotations.
 * Label and annotation syntax is checked by the schema's own rules.
 */
public final class ObjectMetaRules {

  /** How a kind's object names are formed. */
  public enum NameFormat {
    DNS1123_SUBDOMAIN,
    DNS1123_LABEL,
    DNS1035_LABEL
  }

  private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

  private ObjectMetaRules() {}

  public static void check(JsonNode metadata, NameFormat names, List<FieldError> errors) {
    if (metadata.isMissingNode()) {
      errors.add(new FieldError(FieldError.Type.REQUIRED, "metadata.name", "Required value: name or generateName is required"));
      return;
    }
    JsonNode name = metadata.path("name");
    if (name.isTextual() && !name.asText().isEmpty()) {
      List<String> problems = switch (names) {
        case DNS1123_SUBDOMAIN -> KubernetesNameRules.dns1123Subdomain(name.asText());
        case DNS1123_LABEL -> KubernetesNameRules.dns1123Label(name.asText());
        case DNS1035_LABEL -> KubernetesNameRules.dns1035Label(name.asText());
      };
      if (!problems.isEmpty()) {
        errors.add(FieldError.invalid("metadata.name", name.asText(), String.join("; ", problems)));
      }
    }
    long annotationBytes = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = metadata.path("annotations").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> annotation = it.next();
      annotationBytes += annotation.getKey().getBytes(StandardCharsets.UTF_8).length
          + annotation.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
    }
    if (annotationBytes > MAX_ANNOTATIONS_BYTES) {
      errors.add(new FieldError(FieldError.Type.TOO_LONG, "metadata.annotations", "Too long: annotations may hold at most "
          + MAX_ANNOTATIONS_BYTES + " bytes in all, these hold " + annotationBytes));
    }
  }
}

package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.output.TranslationDocument;

/**
 * The formats of {@code -o}: an enum, so picocli refuses any other value with the valid ones
 * listed, and names them in the help.
 */
enum OutputFormat {
  yaml,
  json;

  String print(JsonNode document) {
    return this == json ? TranslationDocument.toJson(document) : TranslationDocument.toYaml(document);
  }
}

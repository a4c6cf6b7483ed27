package dev.tollgate.translator.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Replaces private material in a printed Secret with a digest: a change still shows up in a diff,
 * the key itself never lands in a CI log.
 */
public final class SecretRedaction {

  /** Fields of Envoy's Secret types that hold private material. */
  private static final List<String> PRIVATE_FIELDS = List.of("private_key", "password", "secret", "ocsp_staple");

  /** Filter configurations that carry credentials inline, as Envoy takes them. */
  private static final String API_KEY_AUTH = "type.googleapis.com/envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth";
  private static final String BASIC_AUTH = "type.googleapis.com/envoy.extensions.filters.http.basic_auth.v3.BasicAuth";

  private SecretRedaction() {}

  /** A listener or route with the API keys and password hashes of its filters replaced by digests. */
  public static JsonNode redactCredentials(JsonNode resource) {
    JsonNode copy = resource.deepCopy();
    redactCredentialsIn(copy);
    return copy;
  }

  private static void redactCredentialsIn(JsonNode node) {
    if (node instanceof ObjectNode object) {
      String type = object.path("@type").asText("");
      if (type.equals(API_KEY_AUTH)) {
        for (JsonNode credential : object.path("credentials")) {
          if (credential instanceof ObjectNode c && c.has("key")) {
            c.put("key", "[redacted " + digest(c.get("key").asText()) + "]");
          }
        }
      } else if (type.equals(BASIC_AUTH) && object.get("users") instanceof ObjectNode users && isDataSource(users)) {
        object.putObject("users").put("inline_string", "[redacted " + digest(users.toString()) + "]");
      }
      object.elements().forEachRemaining(SecretRedaction::redactCredentialsIn);
    } else if (node != null && node.isArray()) {
      node.elements().forEachRemaining(SecretRedaction::redactCredentialsIn);
    }
  }

  public static JsonNode redact(JsonNode secret) {
    JsonNode copy = secret.deepCopy();
    redactIn(copy);
    return copy;
  }

  private static void redactIn(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (String field : PRIVATE_FIELDS) {
        JsonNode value = object.get(field);
        if (value instanceof ObjectNode source && isDataSource(source)) {
          object.putObject(field).put("inline_string", "[redacted " + digest(source.toString()) + "]");
        }
      }
      object.elements().forEachRemaining(SecretRedaction::redactIn);
    } else if (node != null && node.isArray()) {
      node.elements().forEachRemaining(SecretRedaction::redactIn);
    }
  }

  private static boolean isDataSource(ObjectNode node) {
    return node.has("inline_bytes") || node.has("inline_string");
  }

  private static String digest(String value) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.tollgate.translator.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Message;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.status.ObjectStatus;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import java.util.Map;

/**
 * The document {@code tollgate translate} prints:
 * {@code {"xds": {"ns/gw": {"listeners": [...], ...}}, "statuses": [...]}}. Same input, same bytes.
 */
public final class TranslationDocument {

  /** How secrets appear in the document. */
  public enum Secrets {
    /**
     * Private keys, API keys and password hashes replaced by a digest, so the document can go into
     * CI logs and diffs.
     */
    REDACTED,
    /** Everything Envoy would receive. */
    SHOWN
  }

  private TranslationDocument() {}

  public static ObjectNode build(TranslationResult result, Secrets secrets) {
    ObjectNode root = Mappers.json().createObjectNode();
    root.set("xds", xds(result.gateways(), secrets));
    ArrayNode statuses = root.putArray("statuses");
    for (ObjectStatus s : result.statuses()) {
      statuses.add(Mappers.json().valueToTree(s));
    }
    return root;
  }

  public static ObjectNode xds(Map<String, GatewayXds> gateways, Secrets secrets) {
    ObjectNode xds = Mappers.json().createObjectNode();
    for (GatewayXds gateway : gateways.values()) {
      xds.set(gateway.gateway(), gateway(gateway, secrets));
    }
    return xds;
  }

  public static ObjectNode gateway(GatewayXds gateway, Secrets secrets) {
    ObjectNode out = Mappers.json().createObjectNode();
    for (XdsType type : XdsType.values()) {
      ArrayNode list = out.putArray(type.key());
      for (Message m : gateway.resources(type)) {
        JsonNode node = ProtoJson.toTree(m);
        if (secrets == Secrets.REDACTED) {
          node = type == XdsType.SECRET ? SecretRedaction.redact(node) : SecretRedaction.redactCredentials(node);
        }
        list.add(node);
      }
    }
    return out;
  }

  public static String toJson(JsonNode document) {
    try {
      return Mappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String toYaml(JsonNode document) {
    try {
      return Mappers.yaml().writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

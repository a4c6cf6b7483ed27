package dev.tollgate.translator.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import dev.tollgate.translator.json.Mappers;
import java.util.Set;
import java.util.TreeSet;

/**
 * Envoy protojson, the one way Tollgate prints and reads xDS as JSON: proto field names
 * (snake_case, as Envoy's docs and EnvoyPatchPolicy paths use), map keys sorted, every Any with
 * its {@code @type}.
 */
public final class ProtoJson {

  private ProtoJson() {}

  public static String print(MessageOrBuilder message) {
    try {
      return JsonFormat.printer()
          .usingTypeRegistry(EnvoyTypes.registryFor(message))
          .preservingProtoFieldNames()
          .sortingMapKeys()
          .omittingInsignificantWhitespace()
          .print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print " + message.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** The message as a Jackson tree, wrapped as an Any would be: {@code "@type"} first. */
  public static JsonNode toTree(Message message) {
    try {
      var node = (com.fasterxml.jackson.databind.node.ObjectNode) Mappers.json().readTree(print(message));
      var wrapped = Mappers.json().createObjectNode();
      wrapped.put("@type", EnvoyTypes.typeUrl(message.getDescriptorForType()));
      wrapped.setAll(node);
      return wrapped;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads protojson (either field-name spelling) into the builder. A top-level {@code "@type"} is
   * accepted and ignored. Unknown fields are errors.
   */
  public static <B extends Message.Builder> B parse(JsonNode json, B builder) throws InvalidProtocolBufferException {
    JsonNode body = json;
    if (json.isObject() && json.has("@type")) {
      body = json.deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("@type");
    }
    Set<String> urls = new TreeSet<>();
    collectTypes(body, urls);
    JsonFormat.parser().usingTypeRegistry(EnvoyTypes.registryFor(urls)).merge(body.toString(), builder);
    return builder;
  }

  private static void collectTypes(JsonNode node, Set<String> urls) {
    if (node.isObject()) {
      JsonNode type = node.get("@type");
      if (type != null && type.isTextual()) {
        urls.add(type.asText());
      }
      node.elements().forEachRemaining(n -> collectTypes(n, urls));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(n -> collectTypes(n, urls));
    }
  }
}

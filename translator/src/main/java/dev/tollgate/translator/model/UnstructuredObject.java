package dev.tollgate.translator.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.translator.model.gatewayapi.GroupKind;

/**
 * An object of a kind Tollgate does not understand but an extension server does: kept whole, as
 * JSON, to be handed to the extension. Its key's kind is qualified by the group
 * ({@code HeaderFilter.example.io}) so it cannot collide with a kind Tollgate reads.
 */
public record UnstructuredObject(GroupKind groupKind, ObjectMeta metadata, ObjectNode json) implements KubernetesObject {

  @Override
  public String apiVersion() {
    return json.path("apiVersion").asText();
  }

  @Override
  public String kind() {
    return groupKind.kind();
  }

  @Override
  public ObjectKey key() {
    return keyOf(groupKind, metadata.namespace(), metadata.name());
  }

  public static ObjectKey keyOf(GroupKind groupKind, String namespace, String name) {
    return new ObjectKey(groupKind.toString(), namespace, name);
  }
}

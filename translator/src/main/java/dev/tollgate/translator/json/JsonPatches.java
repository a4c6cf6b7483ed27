package dev.tollgate.translator.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.zjsonpatch.CompatibilityFlags;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 6902 JSON patches, applied by zjsonpatch. zjsonpatch 8 (the version fabric8's Kubernetes
 * client loads) works on Jackson 3 trees while Tollgate's model is on Jackson 2, so a patch and
 * its document cross to it as JSON bytes and the result comes back the same way.
 */
public final class JsonPatches {

  private static final JsonMapper JACKSON3 = JsonMapper.builder().build();

  private JsonPatches() {}

  /**
   * @throws RuntimeException zjsonpatch's own exceptions (JsonPatchException, and the unchecked
   *     ones it throws for an object-style path into a list or a bad index)
   */
  public static JsonNode apply(JsonNode patch, JsonNode document, EnumSet<CompatibilityFlags> flags) {
    tools.jackson.databind.JsonNode result = JsonPatch.apply(toJackson3(patch), toJackson3(document), flags);
    try {
      return Mappers.json().readTree(JACKSON3.writeValueAsBytes(result));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode apply(JsonNode patch, JsonNode document) {
    return apply(patch, document, CompatibilityFlags.defaults());
  }

  private static tools.jackson.databind.JsonNode toJackson3(JsonNode node) {
    try {
      return JACKSON3.readTree(Mappers.json().writeValueAsBytes(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

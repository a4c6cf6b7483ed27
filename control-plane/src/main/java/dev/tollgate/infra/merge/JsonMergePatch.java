package dev.tollgate.infra.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.fge.jsonpatch.JsonPatchException;

/** RFC 7386 JSON merge patch, applied by java-json-tools' json-patch. */
public final class JsonMergePatch {
  private JsonMergePatch() {}

  /** The target with the patch merged in, as a new tree sharing no nodes with either input. */
  public static JsonNode apply(JsonNode target, JsonNode patch) throws PatchException {
    try {
      // The library hands back parts of the patch itself (a non-object patch is the result
      // whole), so the result is copied to keep the caller's patch out of reach.
      return com.github.fge.jsonpatch.mergepatch.JsonMergePatch.fromJson(patch)
          .apply(target)
          .deepCopy();
    } catch (JsonPatchException e) {
      throw new PatchException("", e.getMessage(), e);
    }
  }
}

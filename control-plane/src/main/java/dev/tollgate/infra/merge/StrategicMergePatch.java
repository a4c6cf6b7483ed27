package dev.tollgate.infra.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.infra.merge.PatchStrategies.Field;
import dev.tollgate.infra.merge.PatchStrategies.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes' strategic merge patch, applied here rather than by an API server. Hand-written: no
 * maintained Java library applies it client-side (fabric8 and the official Java client only send
 * it to the API server). It follows k8s.io/apimachinery's strategicpatch with the strategies of
 * {@link PatchStrategies}:
 *
 * <ul>
 *   <li>objects merge field by field; a null value deletes the field;
 *   <li>a list whose field merges by a key merges element by element: an element whose key the
 *       target has merges into it, in the target's place; new elements follow in the patch's order;
 *       a list of plain values that merges is a set union; any other list is replaced;
 *   <li>{@code $patch: replace} on an object replaces it with the rest of the patch;
 *       {@code $patch: delete} makes it empty; {@code $patch: merge} is the default, said aloud;
 *   <li>a list element {@code {KEY: x, $patch: delete}} removes the element with that key; an
 *       element {@code {$patch: replace}} makes the list the patch's other elements;
 *   <li>{@code $deleteFromPrimitiveList/FIELD: [values]} removes those values from FIELD's list;
 *   <li>{@code $retainKeys: [fields]} clears the object's other fields (the patch may set no field
 *       it does not list);
 *   <li>{@code $setElementOrder/FIELD} is accepted and ignored: kubectl apply sends it to keep a
 *       list in the order of the applied file, whereas this patch's order is fixed (target's first,
 *       new elements after) and none of these kinds' merged lists mean anything by their order.
 * </ul>
 *
 * Unlike k8s.io/apimachinery, which rejects it, {@code $patch: merge} is allowed on list elements
 * (where it changes nothing), and no directive is ever left in the result.
 */
public final class StrategicMergePatch {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PATCH = "$patch";
  private static final String RETAIN_KEYS = "$retainKeys";
  private static final String SET_ELEMENT_ORDER = "$setElementOrder/";
  private static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";

  private StrategicMergePatch() {}

  /**
   * The target with the patch applied, as a new tree; the target's {@code kind} picks the field
   * strategies.
   */
  public static JsonNode apply(JsonNode target, JsonNode patch) throws PatchException {
    if (!patch.isObject()) {
      throw new PatchException("", "a strategic merge patch is an object, not " + kind(patch));
    }
    Schema schema = PatchStrategies.forKind(target.path("kind").asText(""));
    ObjectNode base = target.isObject() ? target.deepCopy() : NODES.objectNode();
    return mergeObject(base, (ObjectNode) patch, schema, "");
  }

  /** Merges the patch into {@code target}, which this call owns and may change. */
  private static ObjectNode mergeObject(
      ObjectNode target, ObjectNode patch, Schema schema, String path) throws PatchException {
    JsonNode directive = patch.get(PATCH);
    if (directive != null) {
      switch (text(directive)) {
        case "replace" -> target = NODES.objectNode();
        case "delete" -> {
          return NODES.objectNode();
        }
        case "merge" -> {}
        default -> throw badPatch(path, directive);
      }
    }
    Set<String> retained = retainedKeys(patch, path);
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      String name = e.getKey();
      JsonNode value = e.getValue();
      if (name.equals(PATCH) || name.equals(RETAIN_KEYS)) {
        continue;
      }
      if (name.startsWith(SET_ELEMENT_ORDER)) {
        requireList(value, join(path, name));
      } else if (name.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
        requireList(value, join(path, name));
        String field = name.substring(DELETE_FROM_PRIMITIVE_LIST.length());
        if (target.get(field) instanceof ArrayNode list) {
          target.set(field, without(list, value));
        }
      } else if (name.startsWith("$")) {
        throw new PatchException(join(path, name), "unknown directive " + name);
      }
    }
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      String name = e.getKey();
      JsonNode value = e.getValue();
      if (name.startsWith("$")) {
        continue;
      }
      if (value.isNull()) {
        target.remove(name);
      } else {
        target.set(name, merge(target.get(name), value, schema.field(name), join(path, name)));
      }
    }
    if (retained != null) {
      target.retain(retained);
    }
    return target;
  }

  /** The patch's value for a field whose current value (owned, maybe null) is {@code current}. */
  private static JsonNode merge(JsonNode current, JsonNode patch, Field field, String path)
      throws PatchException {
    if (patch instanceof ObjectNode object) {
      ObjectNode base = current instanceof ObjectNode o ? o : NODES.objectNode();
      return mergeObject(base, object, field.type(), path);
    }
    if (patch instanceof ArrayNode list) {
      if (!field.mergesList()) {
        return replacement(list, field, path);
      }
      ArrayNode base = current instanceof ArrayNode a ? a : NODES.arrayNode();
      return field.mergeKey() == null
          ? union(base, list, path)
          : mergeByKey(base, list, field, path);
    }
    return patch; // value nodes are immutable
  }

  /** A list that replaces the target's whole: the patch's, directives applied and dropped. */
  private static ArrayNode replacement(ArrayNode patch, Field field, String path)
      throws PatchException {
    ArrayNode out = NODES.arrayNode();
    for (int i = 0; i < patch.size(); i++) {
      JsonNode element = patch.get(i);
      String at = path + "[" + i + "]";
      JsonNode directive = element.get(PATCH);
      if (directive != null && element.isObject()) {
        String d = text(directive);
        if (d.equals("replace") && element.size() == 1) {
          continue; // the marker asks for what this list does anyway
        }
        if (d.equals("delete")) {
          throw new PatchException(
              at,
              "$patch: delete on a list element needs a list merged by a key; this list is"
                  + " replaced whole");
        }
      }
      if (element instanceof ObjectNode object) {
        out.add(mergeObject(NODES.objectNode(), object, field.type(), at));
      } else if (element instanceof ArrayNode inner) {
        out.add(replacement(inner, PatchStrategies.PLAIN, at));
      } else {
        out.add(element);
      }
    }
    return out;
  }

  /** A merged list of plain values: the target's, then the patch's it lacks. */
  private static ArrayNode union(ArrayNode target, ArrayNode patch, String path)
      throws PatchException {
    ArrayNode out = target.deepCopy();
    for (int i = 0; i < patch.size(); i++) {
      JsonNode value = patch.get(i);
      if (value.isContainerNode()) {
        throw new PatchException(
            path + "[" + i + "]", "this list merges as a set of plain values, not " + kind(value));
      }
      if (indexOf(out, value) < 0) {
        out.add(value);
      }
    }
    return out;
  }

  /** A list merged by a key: the target's elements merged in place, new ones after. */
  private static ArrayNode mergeByKey(ArrayNode target, ArrayNode patch, Field field, String path)
      throws PatchException {
    String key = field.mergeKey();
    boolean replace = false;
    List<JsonNode> deleted = new ArrayList<>();
    List<ObjectNode> merged = new ArrayList<>();
    for (int i = 0; i < patch.size(); i++) {
      JsonNode element = patch.get(i);
      String at = path + "[" + i + "]";
      if (!(element instanceof ObjectNode object)) {
        throw new PatchException(
            at, "a list merged by " + key + " holds objects, not " + kind(element));
      }
      JsonNode directive = object.get(PATCH);
      String d = directive == null ? "merge" : text(directive);
      switch (d) {
        case "replace" -> replace = true;
        case "delete" -> deleted.add(keyOf(object, key, at));
        case "merge" -> {
          keyOf(object, key, at);
          merged.add(object);
        }
        default -> throw badPatch(at, directive);
      }
    }
    ArrayNode out = NODES.arrayNode();
    if (!replace) {
      for (JsonNode element : target) {
        if (!(element.isObject() && indexOf(deleted, element.get(key)) >= 0)) {
          out.add(element);
        }
      }
    }
    for (ObjectNode element : merged) {
      JsonNode k = element.get(key);
      String at = path + "[" + key + "=" + (k.isTextual() ? k.textValue() : k.toString()) + "]";
      int found = indexOfKey(out, key, k);
      if (found >= 0) {
        out.set(found, mergeObject((ObjectNode) out.get(found), element, field.type(), at));
      } else {
        out.add(mergeObject(NODES.objectNode(), element, field.type(), at));
      }
    }
    return out;
  }

  private static JsonNode keyOf(ObjectNode element, String key, String path)
      throws PatchException {
    JsonNode k = element.get(key);
    if (k == null || k.isNull()) {
      throw new PatchException(
          path, "a list merged by " + key + " needs each element to have " + key);
    }
    return k;
  }

  private static Set<String> retainedKeys(ObjectNode patch, String path) throws PatchException {
    JsonNode list = patch.get(RETAIN_KEYS);
    if (list == null) {
      return null;
    }
    String at = join(path, RETAIN_KEYS);
    if (!list.isArray()) {
      throw new PatchException(at, "$retainKeys is a list of field names, not " + kind(list));
    }
    Set<String> names = new HashSet<>();
    for (JsonNode name : list) {
      if (!name.isTextual()) {
        throw new PatchException(at, "$retainKeys is a list of field names, not of " + kind(name));
      }
      names.add(name.textValue());
    }
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      if (!e.getKey().startsWith("$") && !e.getValue().isNull() && !names.contains(e.getKey())) {
        throw new PatchException(
            at, "$retainKeys must list every field the patch sets; it lacks " + e.getKey());
      }
    }
    return names;
  }

  private static void requireList(JsonNode value, String path) throws PatchException {
    if (!value.isArray()) {
      throw new PatchException(path, "this directive takes a list, not " + kind(value));
    }
  }

  private static ArrayNode without(ArrayNode list, JsonNode values) {
    ArrayNode out = NODES.arrayNode();
    for (JsonNode element : list) {
      if (indexOf(values, element) < 0) {
        out.add(element);
      }
    }
    return out;
  }

  private static int indexOfKey(ArrayNode list, String key, JsonNode value) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).isObject() && same(list.get(i).get(key), value)) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(Iterable<JsonNode> values, JsonNode value) {
    int i = 0;
    for (JsonNode v : values) {
      if (same(v, value)) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /** Equal JSON values; numbers by value, since YAML and JSON parsers pick different node types. */
  private static boolean same(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return false;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static PatchException badPatch(String path, JsonNode directive) {
    return new PatchException(
        path, "$patch must be replace, merge or delete, not " + text(directive));
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.textValue() : node.toString();
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      default -> "null";
    };
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}

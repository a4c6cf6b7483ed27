package dev.tollgate.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.tollgate.patch.jsonpath.JsonPath;
import dev.tollgate.patch.jsonpath.JsonPathException;
import dev.tollgate.translator.json.JsonPatches;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.envoygateway.EnvoyPatchPolicySpec;
import dev.tollgate.translator.output.ProtoJson;
import dev.tollgate.translator.status.ConditionTypes;
import dev.tollgate.translator.validate.Violation;
import dev.tollgate.translator.validate.XdsValidator;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import io.fabric8.zjsonpatch.CompatibilityFlags;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Applies one JSON patch entry to a Gateway's resources. The resource is patched in its protojson
 * form (proto field names, as Envoy Gateway addresses it), read back into its Envoy message and
 * checked against Envoy's rules; anything that goes wrong leaves the resources as they were.
 */
final class PatchApplier {

  private static final Set<String> OPS = Set.of("add", "remove", "replace", "move", "copy", "test");
  /** RFC 6902 to the letter: removing or replacing what is not there is an error, not a no-op. */
  private static final EnumSet<CompatibilityFlags> STRICT = EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT);

  private final XdsValidator validator;

  PatchApplier(XdsValidator validator) {
    this.validator = validator;
  }

  /** Why an entry could not be applied; the reason is ResourceNotFound or Invalid. */
  static final class Failure extends Exception {
    final String reason;

    Failure(String reason, String message) {
      super(message);
      this.reason = reason;
    }
  }

  static final String RESOURCE_NOT_FOUND = ConditionTypes.Reason.RESOURCE_NOT_FOUND;
  static final String INVALID = ConditionTypes.Reason.INVALID;

  /** Applies the entry to {@code out}, or throws without having changed it. */
  void apply(EnvoyPatchPolicySpec.JsonPatch entry, GatewayXds.Builder out, ObjectKey policy) throws Failure {
    XdsType type = XdsType.fromTypeUrl(entry.type() == null ? "" : entry.type())
        .orElseThrow(() -> new Failure(INVALID, "type " + entry.type() + " is not a Listener, RouteConfiguration, Cluster, "
            + "ClusterLoadAssignment or Secret type URL"));
    EnvoyPatchPolicySpec.Operation op = entry.operation();
    if (op == null || op.op() == null || !OPS.contains(op.op())) {
      throw new Failure(INVALID, "operation.op must be one of " + OPS.stream().sorted().toList());
    }
    String name = entry.name() == null ? "" : entry.name();
    boolean whole = op.op().equals("add") && blank(op.path()) && blank(op.jsonPath());
    Message patched = whole ? newResource(type, name, op, out) : patchExisting(type, name, op, out);
    String patchedName = type.nameOf(patched);
    if (!patchedName.equals(name)) {
      throw new Failure(INVALID, "the patch renames " + type.label() + " " + name + " to " + patchedName
          + "; add a new resource instead");
    }
    List<Violation> violations = validator.validateMessage(type.label() + " " + name, patched);
    if (!violations.isEmpty()) {
      throw new Failure(INVALID, "the result would be rejected by Envoy: " + violations.get(0)
          + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
    }
    List<ObjectKey> sources = new ArrayList<>(out.sources(type, name));
    sources.add(policy);
    out.put(type, patched, sources.toArray(ObjectKey[]::new));
  }

  /** An {@code add} without a path: the value is a whole new resource. */
  private Message newResource(XdsType type, String name, EnvoyPatchPolicySpec.Operation op, GatewayXds.Builder out) throws Failure {
    if (out.contains(type, name)) {
      throw new Failure(INVALID, type.label() + " " + name + " already exists; patch it with a path instead");
    }
    if (op.value() == null || !op.value().isObject()) {
      throw new Failure(INVALID, "operation.value must be the new " + type.label() + " when path is empty");
    }
    return parse(type, op.value());
  }

  private Message patchExisting(XdsType type, String name, EnvoyPatchPolicySpec.Operation op, GatewayXds.Builder out) throws Failure {
    Message current = out.get(type, name);
    if (current == null) {
      throw new Failure(RESOURCE_NOT_FOUND, type.label() + " " + name + " does not exist");
    }
    ObjectNode document = (ObjectNode) ProtoJson.toTree(current);
    document.remove("@type");
    List<String> paths = new ArrayList<>();
    if (!blank(op.jsonPath())) {
      List<String> matches;
      try {
        matches = JsonPath.compile(op.jsonPath()).select(document);
      } catch (JsonPathException e) {
        throw new Failure(INVALID, "operation.jsonPath: " + e.getMessage());
      }
      if (matches.isEmpty()) {
        throw new Failure(INVALID, "operation.jsonPath " + op.jsonPath() + " selects nothing in " + type.label() + " " + name);
      }
      String relative = blank(op.path()) ? "" : (op.path().startsWith("/") ? op.path() : "/" + op.path());
      matches.forEach(m -> paths.add(m + relative));
    } else {
      paths.add(op.path() == null ? "" : op.path());
    }
    JsonNode result = document;
    for (String path : paths) {
      result = patch(result, op, path, type, name);
    }
    return parse(type, result);
  }

  private static JsonNode patch(JsonNode document, EnvoyPatchPolicySpec.Operation op, String path, XdsType type, String name)
      throws Failure {
    ObjectNode operation = JsonNodeFactory.instance.objectNode().put("op", op.op()).put("path", path);
    if (op.from() != null) {
      operation.put("from", op.from());
    }
    if (op.value() != null) {
      operation.set("value", op.value());
    }
    pointer("operation.path", path);
    if (op.from() != null) {
      pointer("operation.from", op.from());
    }
    ArrayNode patch = JsonNodeFactory.instance.arrayNode().add(operation);
    try {
      return JsonPatches.apply(patch, document, STRICT);
    } catch (RuntimeException e) {
      // JsonPatchException, and unchecked exceptions zjsonpatch signals some failures (an object-style path into a list, a bad index) with unchecked exceptions
      throw new Failure(INVALID, op.op() + " at " + path + " in " + type.label() + " " + name + " failed: " + e.getMessage());
    }
  }

  /** An RFC 6901 JSON Pointer is empty (the whole document) or starts with '/'. */
  private static void pointer(String field, String value) throws Failure {
    if (!value.isEmpty() && !value.startsWith("/")) {
      throw new Failure(INVALID, field + " \"" + value + "\" is not a JSON Pointer: it must be empty or start with '/'");
    }
  }

  private static Message parse(XdsType type, JsonNode json) throws Failure {
    try {
      return ProtoJson.parse(json, type.prototype().newBuilderForType()).build();
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new Failure(INVALID, "the result is not a valid " + type.label() + ": " + e.getMessage());
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isEmpty();
  }
}

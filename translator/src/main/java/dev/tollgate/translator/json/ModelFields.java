package dev.tollgate.translator.json;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.tollgate.translator.admission.FieldPaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The fields of a JSON tree that a model type does not bind, as paths from the tree's root
 * ({@code spec.rules[0].sessionPersistence}). Found by walking the tree beside the model's
 * properties as Jackson sees them, rather than from Jackson's parser positions, which lose their
 * way while a record's creator buffers its input. Metadata is not reported: Tollgate reads only
 * part of it on purpose.
 */
final class ModelFields {

  private static final Map<JavaType, Map<String, JavaType>> PROPERTIES = new java.util.concurrent.ConcurrentHashMap<>();

  private ModelFields() {}

  static List<String> unknown(JsonNode tree, Class<?> type) {
    List<String> out = new ArrayList<>();
    walk(tree, Mappers.json().constructType(type), "", out);
    return List.copyOf(out);
  }

  private static void walk(JsonNode node, JavaType type, String path, List<String> out) {
    if (node == null || node.isNull() || type == null) {
      return;
    }
    Class<?> raw = type.getRawClass();
    if (JsonNode.class.isAssignableFrom(raw) || raw == Object.class) {
      return; // kept as a tree: read later by the feature that owns it
    }
    if (type.isCollectionLikeType() || type.isArrayType()) {
      for (int i = 0; i < node.size() && node.isArray(); i++) {
        walk(node.get(i), type.getContentType(), FieldPaths.index(path, i), out);
      }
      return;
    }
    if (type.isMapLikeType()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        walk(e.getValue(), type.getContentType(), child(path, e.getKey()), out);
      }
      return;
    }
    if (!node.isObject() || raw.isEnum() || raw.isPrimitive() || raw.getName().startsWith("java.")) {
      return;
    }
    Map<String, JavaType> properties = PROPERTIES.computeIfAbsent(type, ModelFields::propertiesOf);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = child(path, e.getKey());
      if (!properties.containsKey(e.getKey())) {
        if (!at.startsWith("metadata.") && !at.startsWith("metadata[")) {
          out.add(at);
        }
      } else if (!at.equals("metadata")) {
        walk(e.getValue(), properties.get(e.getKey()), at, out);
      }
    }
  }

  private static Map<String, JavaType> propertiesOf(JavaType type) {
    DeserializationConfig config = Mappers.json().getDeserializationConfig();
    BeanDescription bean = config.introspect(type);
    Map<String, JavaType> out = new HashMap<>();
    for (BeanPropertyDefinition p : bean.findProperties()) {
      out.put(p.getName(), p.getPrimaryType());
    }
    return out;
  }

  private static String child(String path, String name) {
    return FieldPaths.child(path, name);
  }
}

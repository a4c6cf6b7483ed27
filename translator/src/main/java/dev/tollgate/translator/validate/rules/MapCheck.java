package dev.tollgate.translator.validate.rules;

import com.google.protobuf.Message;
import dev.tollgate.translator.validate.Location;
import dev.tollgate.translator.validate.ViolationSink;
import io.envoyproxy.pgv.validate.Validate.MapRules;
import java.util.List;
import java.util.Map;

/** PGV's map rules: min_pairs, max_pairs, no_sparse, keys, values, ignore_empty. */
final class MapCheck implements FieldCheck {

  private final MapRules r;
  private final FieldCheck keys;
  private final FieldCheck values;

  MapCheck(MapRules rules, FieldCheck keys, FieldCheck values) {
    this.r = rules;
    this.keys = keys;
    this.values = values;
  }

  /** @param value a {@link Map}, or the list of entry messages protobuf reflection gives */
  @Override
  public void check(Object value, Location path, ViolationSink sink) {
    Map<?, ?> map = value instanceof Map<?, ?> m ? m : asMap((List<?>) value);
    if (r.getIgnoreEmpty() && map.isEmpty()) {
      return;
    }
    if (r.hasMinPairs() && map.size() < r.getMinPairs()) {
      sink.add(path, "must have at least " + r.getMinPairs() + (r.getMinPairs() == 1 ? " entry" : " entries"));
    }
    if (r.hasMaxPairs() && map.size() > r.getMaxPairs()) {
      sink.add(path, "must have at most " + r.getMaxPairs() + (r.getMaxPairs() == 1 ? " entry" : " entries"));
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Location at = path.key(e.getKey());
      if (keys != null) {
        keys.check(e.getKey(), at, sink);
      }
      if (r.getNoSparse() && e.getValue() == null) {
        sink.add(at, "must have a value");
      }
      if (values != null) {
        values.check(e.getValue(), at, sink);
      }
    }
  }

  private static Map<Object, Object> asMap(List<?> entries) {
    Map<Object, Object> out = new java.util.LinkedHashMap<>();
    for (Object o : entries) {
      Message entry = (Message) o;
      var d = entry.getDescriptorForType();
      var valueField = d.findFieldByName("value");
      boolean present = valueField.getJavaType() != com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE
          || entry.hasField(valueField);
      out.put(entry.getField(d.findFieldByName("key")), present ? entry.getField(valueField) : null);
    }
    return out;
  }
}

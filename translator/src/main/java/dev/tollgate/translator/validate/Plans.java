package dev.tollgate.translator.validate;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import dev.tollgate.translator.output.EnvoyTypes;
import dev.tollgate.translator.validate.rules.FieldCheck;
import dev.tollgate.translator.validate.rules.FieldChecks;
import io.envoyproxy.pgv.validate.Validate;
import io.envoyproxy.pgv.validate.Validate.FieldRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads PGV's rules from Envoy's descriptors (the {@code validate.rules}, {@code validate.required},
 * {@code validate.disabled} and {@code validate.ignored} options) and compiles a plan per message
 * type, cached for the life of the process.
 */
final class Plans {

  private static final Set<String> WRAPPERS = Set.of(
      "google.protobuf.DoubleValue", "google.protobuf.FloatValue", "google.protobuf.Int64Value",
      "google.protobuf.UInt64Value", "google.protobuf.Int32Value", "google.protobuf.UInt32Value",
      "google.protobuf.BoolValue", "google.protobuf.StringValue", "google.protobuf.BytesValue");
  private static final String ANY = Any.getDescriptor().getFullName();

  private final Map<Descriptor, MessagePlan> plans = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();
  private final Map<Descriptor, Boolean> needsVisit = new ConcurrentHashMap<>();

  MessagePlan of(Descriptor d) {
    MessagePlan plan = plans.get(d);
    return plan != null ? plan : plans.computeIfAbsent(d, this::compile);
  }

  private MessagePlan compile(Descriptor d) {
    var options = d.getOptions();
    boolean skip = options.getExtension(Validate.disabled) || options.getExtension(Validate.ignored);
    List<MessagePlan.RequiredOneof> oneofs = new ArrayList<>();
    Map<OneofDescriptor, Integer> oneofBits = new HashMap<>();
    for (OneofDescriptor o : d.getRealOneofs()) {
      if (o.getOptions().getExtension(Validate.required)) {
        oneofBits.put(o, oneofs.size());
        oneofs.add(new MessagePlan.RequiredOneof(o.getName(), o.getFields().stream().map(FieldDescriptor::getName).toList()));
      }
    }
    KnownMessages.Special special = KnownMessages.forType(d.getFullName());
    List<String> captures = special == null ? List.of() : special.fields();
    List<FieldPlan> fields = new ArrayList<>();
    List<FieldPlan> absent = new ArrayList<>();
    for (FieldDescriptor f : d.getFields()) {
      FieldRules rules = f.getOptions().hasExtension(Validate.rules) ? f.getOptions().getExtension(Validate.rules) : null;
      FieldCheck check = rules == null ? null : FieldChecks.compile(rules, f);
      boolean required = rules != null && rules.hasMessage() && rules.getMessage().getRequired();
      boolean skipped = rules != null && rules.hasMessage() && rules.getMessage().getSkip();
      Descriptor valueType = messageType(f);
      boolean recurse = valueType != null && !skipped && needsVisit(valueType);
      boolean wrapper = !f.isRepeated() && valueType != null && WRAPPERS.contains(valueType.getFullName());
      Integer oneofBit = f.getRealContainingOneof() == null ? null : oneofBits.get(f.getRealContainingOneof());
      int captureIndex = captures.indexOf(f.getName());
      if (check == null && !required && !recurse && oneofBit == null && captureIndex < 0) {
        continue;
      }
      // A member of a oneof (or a proto3 optional) is judged only when set; other fields also when absent.
      boolean judgedWhenAbsent = f.getContainingOneof() == null;
      boolean checkWhenAbsent = judgedWhenAbsent && (required || check != null && failsWhenAbsent(f, check, wrapper));
      if (checkWhenAbsent && absent.size() == 64) {
        throw new IllegalStateException(d.getFullName() + " has more than 64 fields to check when absent");
      }
      FieldPlan plan = new FieldPlan(f, f.getName(), fields.size(), f.getType(), f.isRepeated(), f.isMapField(), f.isPackable(),
          f.getJavaType() == FieldDescriptor.JavaType.MESSAGE, check, required, wrapper, valueType, recurse, f.isRepeated() && check != null,
          checkWhenAbsent ? absent.size() : -1, oneofBit == null ? -1 : oneofBit, captureIndex,
          wrapper ? valueType.findFieldByNumber(1) : null, new FieldPlan.ChildPlan());
      fields.add(plan);
      if (checkWhenAbsent) {
        absent.add(plan);
      }
    }
    FieldPlan[] dense = new FieldPlan[MessagePlan.DENSE_LIMIT + 1];
    Map<Integer, FieldPlan> sparse = new HashMap<>();
    for (FieldPlan f : fields) {
      int n = f.field().getNumber();
      if (n <= MessagePlan.DENSE_LIMIT) {
        dense[n] = f;
      } else {
        sparse.put(n, f);
      }
    }
    return new MessagePlan(ids.getAndIncrement(), d, skip, d.getFullName().equals(ANY), List.copyOf(fields), dense, Map.copyOf(sparse),
        absent.toArray(FieldPlan[]::new), List.copyOf(oneofs), special,
        fields.stream().anyMatch(FieldPlan::collect));
  }

  /**
   * Whether a field that does not appear in an encoding breaks its rules: proto3 scalars read as
   * their default, absent lists as empty, absent messages as unset. Decided once per field.
   */
  private static boolean failsWhenAbsent(FieldDescriptor f, FieldCheck check, boolean wrapper) {
    if (wrapper) {
      return false; // wrapper rules apply to the value only when the wrapper is set
    }
    Object absentValue = f.isMapField() ? Map.of() : f.isRepeated() ? List.of()
        : f.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? null
        : f.getJavaType() == FieldDescriptor.JavaType.ENUM ? f.getEnumType().findValueByNumber(0)
        : f.getDefaultValue();
    ViolationSink probe = new ViolationSink("probe");
    check.check(absentValue, FieldPath.ROOT, probe);
    return !probe.violations().isEmpty();
  }

  /** The message type of a field's values (a map's value type), or null for scalars. */
  static Descriptor messageType(FieldDescriptor f) {
    if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
      return null;
    }
    if (f.isMapField()) {
      FieldDescriptor value = f.getMessageType().findFieldByName("value");
      return value.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? value.getMessageType() : null;
    }
    return f.getMessageType();
  }

  /** Whether any value of this type can break a rule: it has rules, an Any, or a field leading to either. */
  boolean needsVisit(Descriptor d) {
    Boolean known = needsVisit.get(d);
    if (known != null) {
      return known;
    }
    boolean result = computeNeedsVisit(d, new HashSet<>());
    needsVisit.put(d, result);
    return result;
  }

  private boolean computeNeedsVisit(Descriptor d, Set<Descriptor> inProgress) {
    Boolean known = needsVisit.get(d);
    if (known != null) {
      return known;
    }
    if (d.getFullName().equals(ANY)) {
      return true; // an Any can hold anything
    }
    if (KnownMessages.forType(d.getFullName()) != null) {
      return true;
    }
    if (!inProgress.add(d)) {
      return false; // already being answered further up: whatever it reaches is counted there
    }
    for (OneofDescriptor o : d.getRealOneofs()) {
      if (o.getOptions().getExtension(Validate.required)) {
        return true;
      }
    }
    for (FieldDescriptor f : d.getFields()) {
      if (f.getOptions().hasExtension(Validate.rules)) {
        return true;
      }
      Descriptor t = messageType(f);
      if (t != null && computeNeedsVisit(t, inProgress)) {
        return true;
      }
    }
    inProgress.remove(d);
    return false;
  }
}

package dev.tollgate.translator.validate;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import com.google.protobuf.WireFormat;
import dev.tollgate.translator.output.EnvoyTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies PGV rules by streaming through a message's encoding against its descriptor. Only the
 * fields that appear are looked at, and of those only the ones with work to do are decoded; a
 * field that does not appear costs nothing unless its absence breaks a rule (decided once per
 * field, see {@link Plans}). Nested messages are walked in place; the message each Any holds is
 * resolved by type URL and walked too, as Envoy does when it loads an extension. The names of
 * other resources are collected for cross references.
 *
 * <p>The current path is a stack inside the walker: a path object is made only for a violation
 * or a reference. One walker serves one validation run: small sub-messages found clean (no
 * violation, no reference) are remembered by content, so a configuration repeating them pays
 * once; types whose messages turn out not to repeat stop being remembered.
 */
final class WireWalker implements Location {

  /** Sub-messages up to this size are remembered when clean; larger ones are rarely repeated. */
  private static final int REMEMBER_LIMIT = 64;
  private static final int REMEMBERED_INITIAL_CAPACITY = 1 << 12;
  /** After this many lookups of a type, remembering continues only if at least a tenth hit. */
  private static final int TRIAL_LOOKUPS = 1024;

  private final Plans plans;
  private final Set<Clean> clean;
  private int[] lookups = new int[64];
  private int[] hits = new int[64];

  // The path stack: segment i is a field name, optionally with an index or a map key.
  private FieldPath base = FieldPath.ROOT;
  private String[] names = new String[32];
  private int[] indexes = new int[32];
  private Object[] keys = new Object[32];
  private int depth;

  private record Clean(MessagePlan plan, ByteString bytes) {}

  WireWalker(Plans plans) {
    this(plans, REMEMBERED_INITIAL_CAPACITY);
  }

  /** @param remembered expected number of clean sub-messages: small for a single message */
  WireWalker(Plans plans, int remembered) {
    this.plans = plans;
    this.clean = new HashSet<>(remembered);
  }

  /** Walks one resource; {@code path} is where its fields start (the resource itself: ROOT). */
  void walk(Descriptor type, ByteString encoding, FieldPath path, ViolationSink sink, List<References> refs) {
    base = path;
    depth = 0;
    walkBytes(plans.of(type), encoding, sink, refs);
  }

  @Override
  public FieldPath resolve() {
    FieldPath p = base;
    for (int i = 0; i < depth; i++) {
      p = p.field(names[i]);
      if (keys[i] != null) {
        p = p.key(keys[i]);
      } else if (indexes[i] >= 0) {
        p = p.index(indexes[i]);
      }
    }
    return p;
  }

  private void push(String name, int index, Object key) {
    if (depth == names.length) {
      names = Arrays.copyOf(names, depth * 2);
      indexes = Arrays.copyOf(indexes, depth * 2);
      keys = Arrays.copyOf(keys, depth * 2);
    }
    names[depth] = name;
    indexes[depth] = index;
    keys[depth] = key;
    depth++;
  }

  private void pop() {
    keys[--depth] = null;
  }

  private void walkBytes(MessagePlan plan, ByteString bytes, ViolationSink sink, List<References> refs) {
    boolean remember = plan.special() == null && bytes.size() <= REMEMBER_LIMIT && worthRemembering(plan);
    if (remember && clean.contains(new Clean(plan, bytes))) {
      hits[plan.id()]++;
      return;
    }
    int violations = sink.count();
    int refsStart = refs.size();
    CodedInputStream in = bytes.newCodedInput();
    in.enableAliasing(true);
    walk(plan, bytes, in, sink, refs);
    if (remember && sink.count() == violations && refs.size() == refsStart) {
      clean.add(new Clean(plan, bytes));
    }
  }

  private boolean worthRemembering(MessagePlan plan) {
    int id = plan.id();
    if (id >= lookups.length) {
      lookups = Arrays.copyOf(lookups, Math.max(id + 1, lookups.length * 2));
      hits = Arrays.copyOf(hits, lookups.length);
    }
    int n = lookups[id]++;
    return n < TRIAL_LOOKUPS || hits[id] * 10 >= n;
  }

  /** Walks the message {@code in} holds up to its current limit; {@code bytes} is the buffer it reads. */
  private void walk(MessagePlan plan, ByteString bytes, CodedInputStream in, ViolationSink sink, List<References> refs) {
    int entryDepth = depth;
    try {
      if (plan.skip()) {
        in.skipRawBytes(in.getBytesUntilLimit());
      } else if (plan.any()) {
        walkAny(in, sink, refs);
      } else {
        walkFields(plan, bytes, in, sink, refs);
      }
    } catch (IOException | RuntimeException e) {
      depth = entryDepth;
      sink.add(this, "cannot be decoded as " + plan.descriptor().getFullName());
    }
  }

  private void walkFields(MessagePlan plan, ByteString bytes, CodedInputStream in, ViolationSink sink, List<References> refs)
      throws IOException {
    long seen = 0;
    long oneofsSet = 0;
    Map<FieldPlan, List<Object>> collected = plan.collects() ? new LinkedHashMap<>() : null;
    Object[] captured = plan.special() == null ? null : new Object[plan.special().fields().size()];
    int refsStart = refs.size();
    FieldPlan previous = null;
    int index = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      FieldPlan f = plan.field(WireFormat.getTagFieldNumber(tag));
      if (f == null) {
        in.skipField(tag);
        continue;
      }
      // Elements of a repeated field are encoded one after the other: count them for their paths.
      index = f == previous ? index + 1 : 0;
      previous = f;
      if (f.absentBit() >= 0) {
        seen |= 1L << f.absentBit();
      }
      if (f.oneofBit() >= 0) {
        oneofsSet |= 1L << f.oneofBit();
      }
      if (f.captureIndex() >= 0) {
        capture(f, bytes, in, index, sink, refs, captured);
      } else if (!f.repeated()) {
        if (f.message()) {
          message(f, bytes, in, sink, refs);
        } else if (f.check() != null) {
          Object value = readValue(in, f.field());
          push(f.name(), -1, null);
          f.check().check(value, this, sink);
          pop();
        } else {
          in.skipField(tag);
        }
      } else if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED && f.packable()) {
        int limit = in.pushLimit(in.readRawVarint32());
        while (in.getBytesUntilLimit() > 0) {
          Object value = readValue(in, f.field());
          if (f.collect()) {
            collected(collected, f).add(value);
          }
        }
        in.popLimit(limit);
      } else if (!f.message()) {
        Object value = readValue(in, f.field());
        if (f.collect()) {
          collected(collected, f).add(value);
        }
      } else {
        element(f, bytes, in, index, sink, refs, collected);
      }
    }
    if (collected != null) {
      for (var e : collected.entrySet()) {
        FieldPlan f = e.getKey();
        push(f.name(), -1, null);
        f.check().check(f.map() ? asMap(e.getValue()) : checkable(f, e.getValue()), this, sink);
        pop();
      }
    }
    for (FieldPlan f : plan.absent()) {
      if ((seen & (1L << f.absentBit())) == 0) {
        absent(f, sink);
      }
    }
    for (int i = 0; i < plan.requiredOneofs().size(); i++) {
      if ((oneofsSet & (1L << i)) == 0) {
        MessagePlan.RequiredOneof oneof = plan.requiredOneofs().get(i);
        sink.add(field(oneof.name()), "one of " + oneof.memberNames() + " must be set");
      }
    }
    if (captured != null) {
      plan.special().apply(new Captured(plan.special().fields(), captured), resolve(), sink, refs, refsStart);
    }
  }

  /** A field a special reads: its value is kept (message fields as their encoding) and checked as usual. */
  @SuppressWarnings("unchecked")
  private void capture(FieldPlan f, ByteString bytes, CodedInputStream in, int index, ViolationSink sink,
      List<References> refs, Object[] captured) throws IOException {
    Object value = f.message() ? slice(bytes, in, in.readRawVarint32()) : readValue(in, f.field());
    if (f.repeated()) {
      if (captured[f.captureIndex()] == null) {
        captured[f.captureIndex()] = new ArrayList<>();
      }
      ((List<Object>) captured[f.captureIndex()]).add(value);
    } else {
      captured[f.captureIndex()] = value;
    }
    push(f.name(), f.repeated() ? index : -1, null);
    if (f.check() != null && !f.repeated()) {
      f.check().check(f.message() ? checkable(f.valueType(), (ByteString) value) : value, this, sink);
    }
    if (f.recurse()) {
      walkBytes(f.child().get(plans, f.valueType()), (ByteString) value, sink, refs);
    }
    pop();
  }

  /** A singular message field: its own checks, then its contents. */
  private void message(FieldPlan f, ByteString bytes, CodedInputStream in, ViolationSink sink, List<References> refs)
      throws IOException {
    push(f.name(), -1, null);
    if (f.check() == null) {
      if (f.recurse()) {
        nested(f.child().get(plans, f.valueType()), bytes, in, sink, refs);
      } else {
        in.skipRawBytes(in.readRawVarint32());
      }
    } else if (f.wrapper()) {
      f.check().check(wrapperValue(in, f.wrappedValue()), this, sink);
    } else {
      ByteString value = slice(bytes, in, in.readRawVarint32());
      f.check().check(checkable(f.valueType(), value), this, sink);
      if (f.recurse()) {
        walkBytes(f.child().get(plans, f.valueType()), value, sink, refs);
      }
    }
    pop();
  }

  /** One element of a repeated message field, or one map entry. */
  private void element(FieldPlan f, ByteString bytes, CodedInputStream in, int index, ViolationSink sink,
      List<References> refs, Map<FieldPlan, List<Object>> collected) throws IOException {
    if (f.map()) {
      mapEntry(f, slice(bytes, in, in.readRawVarint32()), sink, refs, collected);
      return;
    }
    push(f.name(), index, null);
    if (f.collect()) {
      ByteString value = slice(bytes, in, in.readRawVarint32());
      collected(collected, f).add(value);
      if (f.recurse()) {
        walkBytes(f.child().get(plans, f.valueType()), value, sink, refs);
      }
    } else if (f.recurse()) {
      nested(f.child().get(plans, f.valueType()), bytes, in, sink, refs);
    } else {
      in.skipRawBytes(in.readRawVarint32());
    }
    pop();
  }

  /** A map entry: key (field 1) and value (field 2); the value is walked under {@code field["key"]}. */
  private void mapEntry(FieldPlan f, ByteString entry, ViolationSink sink, List<References> refs,
      Map<FieldPlan, List<Object>> collected) throws IOException {
    FieldDescriptor keyField = f.field().getMessageType().findFieldByNumber(1);
    FieldDescriptor valueField = f.field().getMessageType().findFieldByNumber(2);
    Object key = keyField.getDefaultValue();
    Object value = null;
    ByteString valueBytes = null;
    CodedInputStream in = entry.newCodedInput();
    in.enableAliasing(true);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> key = readValue(in, keyField);
        case 2 -> {
          if (f.valueType() != null) {
            valueBytes = slice(entry, in, in.readRawVarint32());
            value = valueBytes;
          } else {
            value = readValue(in, valueField);
          }
        }
        default -> in.skipField(tag);
      }
    }
    if (f.collect()) {
      collected(collected, f).add(new Object[] {key, f.valueType() == null ? value : checkable(f.valueType(), valueBytes)});
    }
    if (f.recurse() && valueBytes != null) {
      push(f.name(), -1, key);
      walkBytes(f.child().get(plans, f.valueType()), valueBytes, sink, refs);
      pop();
    }
  }

  /** A nested message: small ones by their bytes (so they can be remembered), others in place. */
  private void nested(MessagePlan child, ByteString bytes, CodedInputStream in, ViolationSink sink, List<References> refs)
      throws IOException {
    int length = in.readRawVarint32();
    if (length <= REMEMBER_LIMIT && child.special() == null) {
      walkBytes(child, slice(bytes, in, length), sink, refs);
      return;
    }
    int limit = in.pushLimit(length);
    walk(child, bytes, in, sink, refs);
    in.skipRawBytes(in.getBytesUntilLimit());
    in.popLimit(limit);
  }

  /** The next {@code length} bytes as a view of the buffer, without copying. */
  private static ByteString slice(ByteString bytes, CodedInputStream in, int length) throws IOException {
    int start = in.getTotalBytesRead();
    in.skipRawBytes(length);
    return bytes.substring(start, start + length);
  }

  /** A field that did not appear and must be looked at anyway. */
  private void absent(FieldPlan f, ViolationSink sink) {
    push(f.name(), -1, null);
    if (f.required()) {
      sink.add(this, "is required");
    } else if (f.map()) {
      f.check().check(Map.of(), this, sink);
    } else if (f.repeated()) {
      f.check().check(List.of(), this, sink);
    } else if (f.message()) {
      f.check().check(null, this, sink);
    } else {
      f.check().check(f.type() == FieldDescriptor.Type.ENUM ? 0 : f.field().getDefaultValue(), this, sink);
    }
    pop();
  }

  /** Reads an Any (type_url = 1, value = 2) and walks what it holds. */
  private void walkAny(CodedInputStream in, ViolationSink sink, List<References> refs) throws IOException {
    String typeUrl = "";
    ByteString value = ByteString.EMPTY;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case Any.TYPE_URL_FIELD_NUMBER -> typeUrl = in.readStringRequireUtf8();
        case Any.VALUE_FIELD_NUMBER -> value = in.readBytes();
        default -> in.skipField(tag);
      }
    }
    if (typeUrl.isEmpty()) {
      return;
    }
    var type = EnvoyTypes.descriptor(typeUrl);
    if (type.isEmpty()) {
      sink.add(this, "type " + typeUrl + " is not an Envoy API type");
      return;
    }
    walkBytes(plans.of(type.get()), value, sink, refs);
  }

  /** A google.protobuf wrapper's value (field 1), read in place: wrappers carry most weights and limits. */
  private static Object wrapperValue(CodedInputStream in, FieldDescriptor value) throws IOException {
    int limit = in.pushLimit(in.readRawVarint32());
    Object result = wrapped(in, value);
    in.popLimit(limit);
    return result;
  }

  /** Reads a wrapper message's fields up to the stream's limit: its value (field 1), or the default. */
  private static Object wrapped(CodedInputStream in, FieldDescriptor value) throws IOException {
    Object result = value.getJavaType() == FieldDescriptor.JavaType.ENUM ? 0 : value.getDefaultValue();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (WireFormat.getTagFieldNumber(tag) == 1) {
        result = readValue(in, value);
      } else {
        in.skipField(tag);
      }
    }
    return result;
  }

  /** A scalar as the checks take it: enums as their numbers. */
  private static Object readValue(CodedInputStream in, FieldDescriptor fd) throws IOException {
    return switch (fd.getType()) {
      case DOUBLE -> in.readDouble();
      case FLOAT -> in.readFloat();
      case INT64 -> in.readInt64();
      case UINT64 -> in.readUInt64();
      case INT32 -> in.readInt32();
      case FIXED64 -> in.readFixed64();
      case FIXED32 -> in.readFixed32();
      case BOOL -> in.readBool();
      case STRING -> in.readStringRequireUtf8();
      case BYTES, MESSAGE -> in.readBytes();
      case UINT32 -> in.readUInt32();
      case ENUM -> in.readEnum();
      case SFIXED32 -> in.readSFixed32();
      case SFIXED64 -> in.readSFixed64();
      case SINT32 -> in.readSInt32();
      case SINT64 -> in.readSInt64();
      case GROUP -> throw new IOException("groups are not supported");
    };
  }

  private static List<Object> collected(Map<FieldPlan, List<Object>> collected, FieldPlan f) {
    return collected.computeIfAbsent(f, k -> new ArrayList<>());
  }

  private static Map<Object, Object> asMap(List<Object> entries) {
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Object e : entries) {
      Object[] pair = (Object[]) e;
      out.put(pair[0], pair[1]);
    }
    return out;
  }

  private static List<Object> checkable(FieldPlan f, List<Object> values) {
    if (f.valueType() == null) {
      return values;
    }
    List<Object> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(checkable(f.valueType(), (ByteString) v)));
    return out;
  }

  /** A message value in the form rule checks take: wrappers as their value, well-known types parsed. */
  private static Object checkable(Descriptor type, ByteString bytes) {
    if (type == null || bytes == null) {
      return bytes;
    }
    try {
      return switch (type.getFullName()) {
        case "google.protobuf.Duration" -> Duration.parseFrom(bytes);
        case "google.protobuf.Timestamp" -> Timestamp.parseFrom(bytes);
        case "google.protobuf.Any" -> Any.parseFrom(bytes);
        default -> {
          if (!type.getFullName().startsWith("google.protobuf.") || !type.getFullName().endsWith("Value")) {
            yield bytes;
          }
          yield wrapped(bytes.newCodedInput(), type.findFieldByNumber(1));
        }
      };
    } catch (IOException e) {
      return bytes;
    }
  }
}

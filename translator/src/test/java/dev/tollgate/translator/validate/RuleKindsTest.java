package dev.tollgate.translator.validate;

import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_BOOL;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_BYTES;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_DOUBLE;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_INT32;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_INT64;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_STRING;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_UINT32;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import io.envoyproxy.pgv.validate.Validate.AnyRules;
import io.envoyproxy.pgv.validate.Validate.BoolRules;
import io.envoyproxy.pgv.validate.Validate.BytesRules;
import io.envoyproxy.pgv.validate.Validate.DoubleRules;
import io.envoyproxy.pgv.validate.Validate.DurationRules;
import io.envoyproxy.pgv.validate.Validate.EnumRules;
import io.envoyproxy.pgv.validate.Validate.FieldRules;
import io.envoyproxy.pgv.validate.Validate.Int32Rules;
import io.envoyproxy.pgv.validate.Validate.Int64Rules;
import io.envoyproxy.pgv.validate.Validate.KnownRegex;
import io.envoyproxy.pgv.validate.Validate.MapRules;
import io.envoyproxy.pgv.validate.Validate.MessageRules;
import io.envoyproxy.pgv.validate.Validate.RepeatedRules;
import io.envoyproxy.pgv.validate.Validate.StringRules;
import io.envoyproxy.pgv.validate.Validate.TimestampRules;
import io.envoyproxy.pgv.validate.Validate.UInt32Rules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One crafted violation (and a passing value) per PGV rule kind. */
class RuleKindsTest {

  private final Plans plans = new Plans();

  private List<String> check(Message m) {
    ViolationSink sink = new ViolationSink("t");
    new WireWalker(plans).walk(m.getDescriptorForType(), m.toByteString(), FieldPath.ROOT, sink, new ArrayList<>());
    return sink.violations().stream().map(v -> v.path() + ": " + v.message()).toList();
  }

  private List<String> withValue(Descriptor d, Object value) {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(d);
    if (value instanceof List<?> list) {
      list.forEach(v -> b.addRepeatedField(d.findFieldByName("f"), v));
    } else if (value != null) {
      b.setField(d.findFieldByName("f"), value);
    }
    return check(b.build());
  }

  private static FieldRules string(StringRules.Builder r) {
    return FieldRules.newBuilder().setString(r).build();
  }

  @Test
  void stringLengths_countCharactersAndBytes() {
    Descriptor d = TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setMinLen(2).setMaxLen(4).setMaxBytes(5)));
    assertThat(withValue(d, "ab")).isEmpty();
    assertThat(withValue(d, "a")).containsExactly("f: must be at least 2 characters long");
    assertThat(withValue(d, "abcde")).contains("f: must be at most 4 characters long");
    assertThat(withValue(d, "ééé")).containsExactly("f: must be at most 5 bytes long");
    Descriptor exact = TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setLen(3).setLenBytes(3).setMinBytes(1)));
    assertThat(withValue(exact, "ab")).contains("f: must be exactly 3 characters long", "f: must be exactly 3 bytes long");
    Descriptor empty = TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setMinLen(1)));
    assertThat(withValue(empty, null)).as("proto3 scalars are checked unset").containsExactly("f: must not be empty");
  }

  @Test
  void stringContent_patternPrefixSuffixContainsInNotInConst() {
    Descriptor d = TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setPattern("^[a-z]+-[0-9]$")
        .setPrefix("ab").setSuffix("9").setContains("c").setNotContains("x")));
    assertThat(withValue(d, "abc-9")).isEmpty();
    assertThat(withValue(d, "zx-1")).containsExactlyInAnyOrder("f: must start with \"ab\"", "f: must end with \"9\"",
        "f: must contain \"c\"", "f: must not contain \"x\"");
    assertThat(withValue(d, "abc9")).containsExactly("f: must match the pattern \"^[a-z]+-[0-9]$\"");
    Descriptor set = TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().addIn("a").addIn("b").addNotIn("c")));
    assertThat(withValue(set, "c")).contains("f: must be one of [a, b], not \"c\"", "f: must not be one of [c]");
    Descriptor constant = TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setConst("x")));
    assertThat(withValue(constant, "y")).containsExactly("f: must equal \"x\"");
  }

  @Test
  void stringWellKnown_formats() {
    assertThat(withValue(TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setHostname(true))), "a_b.com"))
        .containsExactly("f: must be a hostname");
    assertThat(withValue(TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setHostname(true))), "a-b.example.com")).isEmpty();
    assertThat(withValue(TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setIp(true))), "300.1.1.1"))
        .containsExactly("f: must be an IP address");
    assertThat(withValue(TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setIpv4(true))), "::1"))
        .containsExactly("f: must be an IPv4 address");
    assertThat(withValue(TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setIpv6(true))), "::1")).isEmpty();
    assertThat(withValue(TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setEmail(true))), "nobody"))
        .containsExactly("f: must be an email address");
    assertThat(withValue(TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setUri(true))), "/relative"))
        .containsExactly("f: must be an absolute URI");
    assertThat(withValue(TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setUriRef(true))), "/relative")).isEmpty();
    assertThat(withValue(TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setAddress(true))), "bad host"))
        .containsExactly("f: must be a hostname or IP address");
    assertThat(withValue(TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setUuid(true))), "1234"))
        .containsExactly("f: must be a UUID");
  }

  @Test
  void stringWellKnownRegex_headerNamesAndValuesStrictAndLax() {
    Descriptor name = TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setWellKnownRegex(KnownRegex.HTTP_HEADER_NAME)));
    assertThat(withValue(name, ":authority")).isEmpty();
    assertThat(withValue(name, "a,b")).as("PGV's class reads +-. as a range, which holds the comma").isEmpty();
    assertThat(withValue(name, "bad header")).containsExactly("f: must be a valid HTTP header name, not \"bad header\"");
    Descriptor value = TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder().setWellKnownRegex(KnownRegex.HTTP_HEADER_VALUE)));
    assertThat(withValue(value, "a\tb")).isEmpty();
    assertThat(withValue(value, "secret\u0001token")).singleElement()
        .satisfies(v -> assertThat(v).startsWith("f: must be a valid HTTP header value").doesNotContain("secret"));
    Descriptor lax = TestMessages.scalar(TYPE_STRING, string(StringRules.newBuilder()
        .setWellKnownRegex(KnownRegex.HTTP_HEADER_NAME).setStrict(false)));
    assertThat(withValue(lax, "bad header")).isEmpty();
    assertThat(withValue(lax, "bad\nheader")).hasSize(1);
  }

  @Test
  void numbers_rangesConstInNotInAndUnsignedValues() {
    Descriptor d = TestMessages.scalar(TYPE_INT32, FieldRules.newBuilder().setInt32(Int32Rules.newBuilder().setGt(0).setLte(10)).build());
    assertThat(withValue(d, 5)).isEmpty();
    assertThat(withValue(d, 0)).containsExactly("f: must be greater than 0 and less than or equal to 10, not 0");
    assertThat(withValue(d, 11)).containsExactly("f: must be greater than 0 and less than or equal to 10, not 11");
    Descriptor exclusive = TestMessages.scalar(TYPE_INT32, FieldRules.newBuilder().setInt32(Int32Rules.newBuilder().setLt(0).setGt(10)).build());
    assertThat(withValue(exclusive, -1)).isEmpty();
    assertThat(withValue(exclusive, 5)).containsExactly("f: must be less than 0 or greater than 10");
    Descriptor unsigned = TestMessages.scalar(TYPE_UINT32, FieldRules.newBuilder().setUint32(UInt32Rules.newBuilder().setLte(65535)).build());
    assertThat(withValue(unsigned, -1)).as("0xFFFFFFFF read as unsigned")
        .containsExactly("f: must be less than or equal to 65535, not 4294967295");
    Descriptor set = TestMessages.scalar(TYPE_INT64, FieldRules.newBuilder().setInt64(Int64Rules.newBuilder().addIn(1).addIn(2).addNotIn(3).setConst(2)).build());
    assertThat(withValue(set, 2L)).isEmpty();
    assertThat(withValue(set, 3L)).contains("f: must equal 2", "f: must be one of [1, 2], not 3", "f: must not be one of [3]");
    Descriptor ignore = TestMessages.scalar(TYPE_DOUBLE, FieldRules.newBuilder().setDouble(DoubleRules.newBuilder().setGte(0.5).setIgnoreEmpty(true)).build());
    assertThat(withValue(ignore, 0.0)).isEmpty();
    assertThat(withValue(ignore, 0.25)).containsExactly("f: must be greater than or equal to 0.5, not 0.25");
    Descriptor ratio = TestMessages.scalar(TYPE_DOUBLE, FieldRules.newBuilder().setDouble(DoubleRules.newBuilder().setGte(1).setLte(3)).build());
    assertThat(withValue(ratio, Double.POSITIVE_INFINITY))
        .containsExactly("f: must be greater than or equal to 1 and less than or equal to 3, not Infinity");
    assertThat(withValue(ratio, Double.NaN)).as("no comparison holds for NaN, as in Envoy's validators").isEmpty();
  }

  @Test
  void bool_const() {
    Descriptor d = TestMessages.scalar(TYPE_BOOL, FieldRules.newBuilder().setBool(BoolRules.newBuilder().setConst(true)).build());
    assertThat(withValue(d, true)).isEmpty();
    assertThat(withValue(d, false)).containsExactly("f: must be true");
  }

  @Test
  void bytes_lengthPrefixAndIp() {
    Descriptor d = TestMessages.scalar(TYPE_BYTES, FieldRules.newBuilder().setBytes(BytesRules.newBuilder()
        .setMinLen(2).setPrefix(ByteString.copyFromUtf8("k"))).build());
    assertThat(withValue(d, ByteString.copyFromUtf8("key"))).isEmpty();
    assertThat(withValue(d, ByteString.copyFromUtf8("x"))).containsExactlyInAnyOrder(
        "f: must be at least 2 bytes long", "f: must start with the required prefix");
    Descriptor ip = TestMessages.scalar(TYPE_BYTES, FieldRules.newBuilder().setBytes(BytesRules.newBuilder().setIpv4(true)).build());
    assertThat(withValue(ip, ByteString.copyFrom(new byte[] {10, 0, 0, 1}))).isEmpty();
    assertThat(withValue(ip, ByteString.copyFrom(new byte[] {10, 0, 1}))).containsExactly("f: must be an IP address in binary form");
  }

  @Test
  void enums_definedOnlyInNotInConst() {
    Descriptor d = TestMessages.enumField(FieldRules.newBuilder().setEnum(EnumRules.newBuilder().setDefinedOnly(true).addNotIn(0)).build());
    var color = d.findFieldByName("f").getEnumType();
    assertThat(withValue(d, color.findValueByNumber(1))).isEmpty();
    assertThat(withValue(d, color.findValueByNumber(0))).containsExactly("f: must not be RED");
    assertThat(withValue(d, color.findValueByNumberCreatingIfUnknown(7))).containsExactly("f: must be a defined value of Color, not 7");
    Descriptor in = TestMessages.enumField(FieldRules.newBuilder().setEnum(EnumRules.newBuilder().addIn(1).setConst(1)).build());
    assertThat(withValue(in, in.findFieldByName("f").getEnumType().findValueByNumber(0)))
        .containsExactlyInAnyOrder("f: must equal 1", "f: must be one of [1], not RED");
  }

  @Test
  void repeated_countsUniquenessAndItemRules() {
    Descriptor d = TestMessages.repeated(TYPE_STRING, FieldRules.newBuilder().setRepeated(RepeatedRules.newBuilder()
        .setMinItems(1).setMaxItems(2).setUnique(true).setItems(string(StringRules.newBuilder().setMinLen(1)))).build());
    assertThat(withValue(d, List.of("a", "b"))).isEmpty();
    assertThat(withValue(d, List.of())).containsExactly("f: must have at least 1 item");
    assertThat(withValue(d, List.of("a", "b", "c"))).containsExactly("f: must have at most 2 items");
    assertThat(withValue(d, List.of("a", "a"))).containsExactly("f[1]: repeats an earlier item; items must be unique");
    assertThat(withValue(d, List.of("a", ""))).containsExactly("f[1]: must not be empty");
  }

  @Test
  void map_pairCountsKeysAndValues() {
    Descriptor d = TestMessages.map(FieldRules.newBuilder().setMap(MapRules.newBuilder().setMinPairs(1).setMaxPairs(2)
        .setKeys(string(StringRules.newBuilder().setMinLen(2)))
        .setValues(FieldRules.newBuilder().setInt32(Int32Rules.newBuilder().setGt(0)))).build());
    Descriptor entry = d.findFieldByName("f").getMessageType();
    Message ok = DynamicMessage.newBuilder(entry).setField(entry.findFieldByName("key"), "ab").setField(entry.findFieldByName("value"), 1).build();
    Message bad = DynamicMessage.newBuilder(entry).setField(entry.findFieldByName("key"), "a").setField(entry.findFieldByName("value"), 0).build();
    assertThat(withValue(d, List.of(ok))).isEmpty();
    assertThat(withValue(d, List.of())).containsExactly("f: must have at least 1 entry");
    assertThat(withValue(d, List.of(bad))).containsExactlyInAnyOrder(
        "f[\"a\"]: must be at least 2 characters long", "f[\"a\"]: must be greater than 0, not 0");
    Message second = ok.toBuilder().setField(entry.findFieldByName("key"), "cd").build();
    Message third = ok.toBuilder().setField(entry.findFieldByName("key"), "ef").build();
    assertThat(withValue(d, List.of(ok, second, third))).contains("f: must have at most 2 entries");
  }

  @Test
  void message_requiredAndSkip() {
    Descriptor required = TestMessages.message(".google.protobuf.Duration",
        FieldRules.newBuilder().setMessage(MessageRules.newBuilder().setRequired(true)).build());
    assertThat(withValue(required, null)).containsExactly("f: is required");
    assertThat(withValue(required, Durations.fromSeconds(1))).isEmpty();
    Descriptor inner = TestMessages.disabled();
    assertThat(check(DynamicMessage.newBuilder(inner).build())).as("message-level disabled").isEmpty();
  }

  @Test
  void any_requiredAndAllowedTypes() {
    Descriptor d = TestMessages.message(".google.protobuf.Any", FieldRules.newBuilder().setAny(AnyRules.newBuilder()
        .setRequired(true).addIn("type.googleapis.com/google.protobuf.Duration")).build());
    assertThat(withValue(d, null)).containsExactly("f: is required");
    assertThat(withValue(d, Any.pack(Durations.fromSeconds(1)))).isEmpty();
    assertThat(withValue(d, Any.pack(UInt32Value.of(1))))
        .containsExactly("f: type must be one of [type.googleapis.com/google.protobuf.Duration], not type.googleapis.com/google.protobuf.UInt32Value");
  }

  @Test
  void anyRules_onAnotherMessageType_onlyAskForPresence() {
    Descriptor d = TestMessages.message(".google.protobuf.Duration", FieldRules.newBuilder().setAny(AnyRules.newBuilder()
        .setRequired(true)).build());
    assertThat(withValue(d, null)).containsExactly("f: is required");
    assertThat(withValue(d, Durations.fromSeconds(1))).isEmpty();
  }

  @Test
  void any_unknownTypeIsReported() {
    Descriptor d = TestMessages.message(".google.protobuf.Any", FieldRules.newBuilder().setAny(AnyRules.newBuilder()).build());
    Any unknown = Any.newBuilder().setTypeUrl("type.googleapis.com/example.Unknown").build();
    assertThat(withValue(d, unknown)).containsExactly("f: type type.googleapis.com/example.Unknown is not an Envoy API type");
  }

  @Test
  void duration_requiredAndRanges() {
    Descriptor d = TestMessages.message(".google.protobuf.Duration", FieldRules.newBuilder().setDuration(DurationRules.newBuilder()
        .setRequired(true).setGt(Durations.fromSeconds(0)).setLte(Durations.fromSeconds(60))).build());
    assertThat(withValue(d, null)).containsExactly("f: is required");
    assertThat(withValue(d, Durations.fromSeconds(0))).containsExactly("f: must be greater than 0s");
    assertThat(withValue(d, Durations.fromSeconds(61))).containsExactly("f: must be at most 60s");
    Descriptor in = TestMessages.message(".google.protobuf.Duration", FieldRules.newBuilder().setDuration(DurationRules.newBuilder()
        .addIn(Durations.fromSeconds(1))).build());
    assertThat(withValue(in, Durations.fromSeconds(2))).containsExactly("f: must be one of [1s]");
  }

  @Test
  void timestamp_requiredAndRanges() {
    Descriptor d = TestMessages.message(".google.protobuf.Timestamp", FieldRules.newBuilder().setTimestamp(TimestampRules.newBuilder()
        .setRequired(true).setLt(Timestamps.fromSeconds(100)).setGtNow(false)).build());
    assertThat(withValue(d, null)).containsExactly("f: is required");
    assertThat(withValue(d, Timestamps.fromSeconds(50))).isEmpty();
    assertThat(withValue(d, Timestamps.fromSeconds(100))).containsExactly("f: must be before 1970-01-01T00:01:40Z");
  }

  @Test
  void wrapper_scalarRulesApplyToTheValueOnlyWhenSet() {
    Descriptor d = TestMessages.message(".google.protobuf.UInt32Value",
        FieldRules.newBuilder().setUint32(UInt32Rules.newBuilder().setGte(1)).build());
    assertThat(withValue(d, null)).isEmpty();
    assertThat(withValue(d, UInt32Value.of(1))).isEmpty();
    assertThat(withValue(d, UInt32Value.of(0))).containsExactly("f: must be greater than or equal to 1, not 0");
  }

  @Test
  void requiredOneof_mustHaveAMemberSet() {
    Descriptor d = TestMessages.requiredOneof();
    assertThat(check(DynamicMessage.newBuilder(d).build())).containsExactly("choice: one of [a, b] must be set");
    assertThat(check(DynamicMessage.newBuilder(d).setField(d.findFieldByName("b"), "x").build())).isEmpty();
  }
}

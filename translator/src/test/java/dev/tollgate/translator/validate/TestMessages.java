package dev.tollgate.translator.validate;

import com.google.protobuf.AnyProto;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.WrappersProto;
import io.envoyproxy.pgv.validate.Validate;
import io.envoyproxy.pgv.validate.Validate.FieldRules;

/**
 * Message types built at test time, each with one field {@code f} carrying the PGV rules under
 * test, so every rule kind can be exercised whether or not Envoy's API happens to use it.
 */
final class TestMessages {

  private static int counter;

  private TestMessages() {}

  static Descriptor scalar(FieldDescriptorProto.Type type, FieldRules rules) {
    return build(field(type, rules).build(), null);
  }

  static Descriptor repeated(FieldDescriptorProto.Type type, FieldRules rules) {
    return build(field(type, rules).setLabel(FieldDescriptorProto.Label.LABEL_REPEATED).build(), null);
  }

  static Descriptor message(String typeName, FieldRules rules) {
    return build(field(FieldDescriptorProto.Type.TYPE_MESSAGE, rules).setTypeName(typeName).build(), null);
  }

  static Descriptor enumField(FieldRules rules) {
    return build(field(FieldDescriptorProto.Type.TYPE_ENUM, rules).setTypeName("Color").build(), null);
  }

  /** map&lt;string, int32&gt; f. */
  static Descriptor map(FieldRules rules) {
    DescriptorProto entry = DescriptorProto.newBuilder().setName("FEntry")
        .addField(FieldDescriptorProto.newBuilder().setName("key").setNumber(1).setType(FieldDescriptorProto.Type.TYPE_STRING))
        .addField(FieldDescriptorProto.newBuilder().setName("value").setNumber(2).setType(FieldDescriptorProto.Type.TYPE_INT32))
        .setOptions(MessageOptions.newBuilder().setMapEntry(true))
        .build();
    FieldDescriptorProto f = field(FieldDescriptorProto.Type.TYPE_MESSAGE, rules)
        .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED).setTypeName("T.FEntry").build();
    return build(f, entry);
  }

  /** A message with a required oneof {@code choice} of two strings {@code a} and {@code b}. */
  static Descriptor requiredOneof() {
    DescriptorProto t = DescriptorProto.newBuilder().setName("T")
        .addOneofDecl(OneofDescriptorProto.newBuilder().setName("choice")
            .setOptions(OneofOptions.newBuilder().setExtension(Validate.required, true)))
        .addField(FieldDescriptorProto.newBuilder().setName("a").setNumber(1).setType(FieldDescriptorProto.Type.TYPE_STRING).setOneofIndex(0))
        .addField(FieldDescriptorProto.newBuilder().setName("b").setNumber(2).setType(FieldDescriptorProto.Type.TYPE_STRING).setOneofIndex(0))
        .build();
    return file(t, null).findMessageTypeByName("T");
  }

  /** A message type whose PGV checks are switched off, holding a field that would fail. */
  static Descriptor disabled() {
    DescriptorProto t = DescriptorProto.newBuilder().setName("T")
        .setOptions(MessageOptions.newBuilder().setExtension(Validate.disabled, true))
        .addField(field(FieldDescriptorProto.Type.TYPE_STRING,
            FieldRules.newBuilder().setString(Validate.StringRules.newBuilder().setMinLen(1)).build()))
        .build();
    return file(t, null).findMessageTypeByName("T");
  }

  private static FieldDescriptorProto.Builder field(FieldDescriptorProto.Type type, FieldRules rules) {
    return FieldDescriptorProto.newBuilder().setName("f").setNumber(1).setType(type)
        .setOptions(FieldOptions.newBuilder().setExtension(Validate.rules, rules));
  }

  private static Descriptor build(FieldDescriptorProto f, DescriptorProto nested) {
    DescriptorProto.Builder t = DescriptorProto.newBuilder().setName("T").addField(f);
    if (nested != null) {
      t.addNestedType(nested);
    }
    return file(t.build(), null).findMessageTypeByName("T");
  }

  private static FileDescriptor file(DescriptorProto t, Object unused) {
    FileDescriptorProto proto = FileDescriptorProto.newBuilder()
        .setName("test" + (++counter) + ".proto")
        .setPackage("test" + counter)
        .setSyntax("proto3")
        .addDependency("google/protobuf/duration.proto")
        .addDependency("google/protobuf/timestamp.proto")
        .addDependency("google/protobuf/any.proto")
        .addDependency("google/protobuf/wrappers.proto")
        .addEnumType(EnumDescriptorProto.newBuilder().setName("Color")
            .addValue(EnumValueDescriptorProto.newBuilder().setName("RED").setNumber(0))
            .addValue(EnumValueDescriptorProto.newBuilder().setName("GREEN").setNumber(1)))
        .addMessageType(t)
        .build();
    try {
      return FileDescriptor.buildFrom(proto, new FileDescriptor[] {DurationProto.getDescriptor(),
          TimestampProto.getDescriptor(), AnyProto.getDescriptor(), WrappersProto.getDescriptor()});
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException(e);
    }
  }
}

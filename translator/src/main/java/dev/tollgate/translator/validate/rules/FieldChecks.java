package dev.tollgate.translator.validate.rules;

import com.google.protobuf.Descriptors.FieldDescriptor;
import io.envoyproxy.pgv.validate.Validate.FieldRules;

/** Compiles a field's PGV rules into a check of one value. */
public final class FieldChecks {

  private FieldChecks() {}

  /**
   * The check for one value of the field (for a repeated field: the list; for a map: the map),
   * or null when the rules constrain nothing beyond message presence.
   */
  public static FieldCheck compile(FieldRules rules, FieldDescriptor field) {
    return switch (rules.getTypeCase()) {
      case FLOAT -> new NumberCheck(rules.getFloat());
      case DOUBLE -> new NumberCheck(rules.getDouble());
      case INT32 -> new NumberCheck(rules.getInt32());
      case INT64 -> new NumberCheck(rules.getInt64());
      case UINT32 -> new NumberCheck(rules.getUint32());
      case UINT64 -> new NumberCheck(rules.getUint64());
      case SINT32 -> new NumberCheck(rules.getSint32());
      case SINT64 -> new NumberCheck(rules.getSint64());
      case FIXED32 -> new NumberCheck(rules.getFixed32());
      case FIXED64 -> new NumberCheck(rules.getFixed64());
      case SFIXED32 -> new NumberCheck(rules.getSfixed32());
      case SFIXED64 -> new NumberCheck(rules.getSfixed64());
      case BOOL -> new BoolCheck(rules.getBool());
      case STRING -> new StringCheck(rules.getString());
      case BYTES -> new BytesCheck(rules.getBytes());
      case ENUM -> new EnumCheck(rules.getEnum(), field.getJavaType() == FieldDescriptor.JavaType.ENUM ? field.getEnumType() : null);
      case DURATION -> new DurationCheck(rules.getDuration());
      case TIMESTAMP -> new TimestampCheck(rules.getTimestamp());
      case ANY -> new AnyCheck(rules.getAny());
      case REPEATED -> new RepeatedCheck(rules.getRepeated(),
          rules.getRepeated().hasItems() ? compile(rules.getRepeated().getItems(), field) : null);
      case MAP -> new MapCheck(rules.getMap(),
          rules.getMap().hasKeys() ? compile(rules.getMap().getKeys(), entryField(field, "key")) : null,
          rules.getMap().hasValues() ? compile(rules.getMap().getValues(), entryField(field, "value")) : null);
      case TYPE_NOT_SET -> null;
    };
  }

  private static FieldDescriptor entryField(FieldDescriptor map, String name) {
    return map.isMapField() ? map.getMessageType().findFieldByName(name) : map;
  }
}

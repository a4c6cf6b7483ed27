package dev.tollgate.translator.validate.rules;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import dev.tollgate.translator.validate.Location;
import dev.tollgate.translator.validate.ViolationSink;
import io.envoyproxy.pgv.validate.Validate.EnumRules;
import java.util.Set;
import java.util.stream.Collectors;

/** PGV's enum rules: const, defined_only, in, not_in. Values are numbers or value descriptors. */
final class EnumCheck implements FieldCheck {

  private final EnumRules r;
  private final EnumDescriptor type;
  private final Set<Integer> defined;

  /** @param type the field's enum type, whose numbers are the defined ones */
  EnumCheck(EnumRules rules, EnumDescriptor type) {
    this.r = rules;
    this.type = type;
    this.defined = type == null ? Set.of()
        : type.getValues().stream().map(EnumValueDescriptor::getNumber).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void check(Object value, Location path, ViolationSink sink) {
    if (value == null) {
      return;
    }
    int number = value instanceof EnumValueDescriptor d ? d.getNumber() : (Integer) value;
    EnumDescriptor enumType = value instanceof EnumValueDescriptor d ? d.getType() : type;
    if (r.hasConst() && number != r.getConst()) {
      sink.add(path, "must equal " + r.getConst());
    }
    boolean isDefined = enumType == type ? defined.contains(number) : enumType.findValueByNumber(number) != null;
    if (r.getDefinedOnly() && !isDefined) {
      sink.add(path, "must be a defined value of " + enumType.getName() + ", not " + number);
    }
    if (r.getInCount() > 0 && !r.getInList().contains(number)) {
      sink.add(path, "must be one of " + r.getInList() + ", not " + name(enumType, number));
    }
    if (r.getNotInList().contains(number)) {
      sink.add(path, "must not be " + name(enumType, number));
    }
  }

  private static String name(EnumDescriptor type, int number) {
    EnumValueDescriptor v = type.findValueByNumber(number);
    return v == null ? String.valueOf(number) : v.getName();
  }
}

package dev.tollgate.translator.validate;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.tollgate.translator.validate.rules.FieldCheck;

/**
 * What to do with one field of a message type when it appears in an encoding. Descriptor facts
 * are copied here once: asking the descriptor per value costs more than the check itself.
 *
 * @param slot the field's index among the plan's fields
 * @param check the field's compiled PGV rules, or null
 * @param required PGV's {@code message.required}
 * @param wrapper a google.protobuf wrapper whose scalar rules apply to its value
 * @param valueType the message type of the field's values (a map's value type), null for scalars
 * @param recurse whether the field's messages need walking
 * @param collect a repeated field whose rules look at the whole list: its values are kept
 * @param absentBit the field's bit among those that must be looked at when absent, or -1
 * @param oneofBit the bit of the required oneof the field belongs to, or -1
 * @param wrappedValue for a wrapper, its {@code value} field
 * @param captureIndex where the field's value goes among a {@link KnownMessages.Special}'s captures, or -1
 */
record FieldPlan(
    FieldDescriptor field,
    String name,
    int slot,
    FieldDescriptor.Type type,
    boolean repeated,
    boolean map,
    boolean packable,
    boolean message,
    FieldCheck check,
    boolean required,
    boolean wrapper,
    Descriptor valueType,
    boolean recurse,
    boolean collect,
    int absentBit,
    int oneofBit,
    int captureIndex,
    FieldDescriptor wrappedValue,
    ChildPlan child) {

  /** Plans are made once per type: identity is equality, and hashing must not walk the plan. */
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  /** The plan of the field's value type, looked up once (plans refer to each other, so lazily). */
  static final class ChildPlan {
    private volatile MessagePlan plan;

    MessagePlan get(Plans plans, Descriptor type) {
      MessagePlan p = plan;
      if (p == null) {
        p = plans.of(type);
        plan = p;
      }
      return p;
    }
  }
}

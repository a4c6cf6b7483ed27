package dev.tollgate.translator.validate;

import com.google.protobuf.Descriptors.Descriptor;
import java.util.List;
import java.util.Map;

/**
 * The validation work for one message type, computed once from its descriptor.
 *
 * @param id a small number unique to the plan, for per-type counters
 * @param skip PGV's message-level {@code disabled} or {@code ignored}
 * @param any the type is google.protobuf.Any: walk what it holds
 * @param fields the fields that have rules, lead to messages that do, or belong to a required oneof
 * @param absent fields whose absence must be reported (required, or their default breaks a rule)
 * @param requiredOneofs oneofs with PGV's {@code required}; bit i stands for the i-th
 * @param special references and code-enforced rules of this type, or null
 */
record MessagePlan(
    int id,
    Descriptor descriptor,
    boolean skip,
    boolean any,
    List<FieldPlan> fields,
    FieldPlan[] dense,
    Map<Integer, FieldPlan> sparse,
    FieldPlan[] absent,
    List<RequiredOneof> requiredOneofs,
    KnownMessages.Special special,
    boolean collects) {

  /** Plans are made once per type: identity is equality, and hashing must not walk the plan. */
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  /** Field numbers up to this are looked up in an array. */
  static final int DENSE_LIMIT = 256;

  /** A oneof one of whose members must be set. */
  record RequiredOneof(String name, List<String> memberNames) {}

  /** The plan of a field number, or null when the field needs no work. */
  FieldPlan field(int number) {
    return number <= DENSE_LIMIT ? dense[number] : sparse.get(number);
  }
}

package dev.tollgate.translator.validate.rules;

import dev.tollgate.translator.validate.Location;
import dev.tollgate.translator.validate.ViolationSink;

/** One compiled PGV rule set applied to one value (a scalar, a message, one list element). */
@FunctionalInterface
public interface FieldCheck {

  /** @param value the field's value as protobuf reflection returns it (Integer, String, Message, ...) */
  void check(Object value, Location path, ViolationSink sink);
}

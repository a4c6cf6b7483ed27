package dev.tollgate.translator.validate.rules;

import dev.tollgate.translator.validate.Location;
import dev.tollgate.translator.validate.ViolationSink;
import io.envoyproxy.pgv.validate.Validate.BoolRules;

/** PGV's bool rule: const. */
final class BoolCheck implements FieldCheck {

  private final BoolRules r;

  BoolCheck(BoolRules rules) {
    this.r = rules;
  }

  @Override
  public void check(Object value, Location path, ViolationSink sink) {
    if (value != null && r.hasConst() && (Boolean) value != r.getConst()) {
      sink.add(path, "must be " + r.getConst());
    }
  }
}

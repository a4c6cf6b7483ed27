package dev.tollgate.translator.validate.rules;

import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import com.google.protobuf.util.Durations;
import dev.tollgate.translator.validate.Location;
import dev.tollgate.translator.validate.ViolationSink;
import io.envoyproxy.pgv.validate.Validate.DurationRules;

/** PGV's duration rules: required, const, ranges, in, not_in. Null means the field is unset. */
final class DurationCheck implements FieldCheck {

  private final DurationRules r;

  DurationCheck(DurationRules rules) {
    this.r = rules;
  }

  @Override
  public void check(Object value, Location path, ViolationSink sink) {
    if (value == null) {
      if (r.getRequired()) {
        sink.add(path, "is required");
      }
      return;
    }
    Duration d = value instanceof Duration dd ? dd : toDuration((Message) value);
    if (r.hasConst() && Durations.compare(d, r.getConst()) != 0) {
      sink.add(path, "must equal " + Durations.toString(r.getConst()));
    }
    if (r.hasGt() && Durations.compare(d, r.getGt()) <= 0) {
      sink.add(path, "must be greater than " + Durations.toString(r.getGt()));
    }
    if (r.hasGte() && Durations.compare(d, r.getGte()) < 0) {
      sink.add(path, "must be at least " + Durations.toString(r.getGte()));
    }
    if (r.hasLt() && Durations.compare(d, r.getLt()) >= 0) {
      sink.add(path, "must be less than " + Durations.toString(r.getLt()));
    }
    if (r.hasLte() && Durations.compare(d, r.getLte()) > 0) {
      sink.add(path, "must be at most " + Durations.toString(r.getLte()));
    }
    if (r.getInCount() > 0 && r.getInList().stream().noneMatch(x -> Durations.compare(x, d) == 0)) {
      sink.add(path, "must be one of " + r.getInList().stream().map(Durations::toString).toList());
    }
    if (r.getNotInCount() > 0 && r.getNotInList().stream().anyMatch(x -> Durations.compare(x, d) == 0)) {
      sink.add(path, "must not be " + Durations.toString(d));
    }
  }

  private static Duration toDuration(Message m) {
    var d = m.getDescriptorForType();
    return Duration.newBuilder()
        .setSeconds((Long) m.getField(d.findFieldByName("seconds")))
        .setNanos((Integer) m.getField(d.findFieldByName("nanos")))
        .build();
  }
}

package dev.tollgate.translator.validate.rules;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import dev.tollgate.translator.validate.Location;
import dev.tollgate.translator.validate.ViolationSink;
import io.envoyproxy.pgv.validate.Validate.TimestampRules;
import java.time.Instant;

/** PGV's timestamp rules: required, const, ranges, lt_now, gt_now, within. */
final class TimestampCheck implements FieldCheck {

  private final TimestampRules r;

  TimestampCheck(TimestampRules rules) {
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
    Timestamp t = value instanceof Timestamp ts ? ts : toTimestamp((Message) value);
    if (r.hasConst() && Timestamps.compare(t, r.getConst()) != 0) {
      sink.add(path, "must equal " + Timestamps.toString(r.getConst()));
    }
    if (r.hasGt() && Timestamps.compare(t, r.getGt()) <= 0) {
      sink.add(path, "must be after " + Timestamps.toString(r.getGt()));
    }
    if (r.hasGte() && Timestamps.compare(t, r.getGte()) < 0) {
      sink.add(path, "must not be before " + Timestamps.toString(r.getGte()));
    }
    if (r.hasLt() && Timestamps.compare(t, r.getLt()) >= 0) {
      sink.add(path, "must be before " + Timestamps.toString(r.getLt()));
    }
    if (r.hasLte() && Timestamps.compare(t, r.getLte()) > 0) {
      sink.add(path, "must not be after " + Timestamps.toString(r.getLte()));
    }
    Timestamp now = Timestamps.fromMillis(Instant.now().toEpochMilli());
    if (r.getLtNow() && Timestamps.compare(t, now) >= 0) {
      sink.add(path, "must be in the past");
    }
    if (r.getGtNow() && Timestamps.compare(t, now) <= 0) {
      sink.add(path, "must be in the future");
    }
    if (r.hasWithin() && Durations.compare(Durations.fromMillis(Math.abs(Timestamps.toMillis(t) - Timestamps.toMillis(now))),
        r.getWithin()) > 0) {
      sink.add(path, "must be within " + Durations.toString(r.getWithin()) + " of now");
    }
  }

  private static Timestamp toTimestamp(Message m) {
    var d = m.getDescriptorForType();
    return Timestamp.newBuilder()
        .setSeconds((Long) m.getField(d.findFieldByName("seconds")))
        .setNanos((Integer) m.getField(d.findFieldByName("nanos")))
        .build();
  }
}

package dev.tollgate.translator.validate.rules;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.tollgate.translator.validate.Location;
import dev.tollgate.translator.validate.ViolationSink;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * PGV's numeric rules (int32 ... sfixed64, float, double): const, lt, lte, gt, gte, in, not_in,
 * ignore_empty. All twelve rule messages share field names, so one class reads them all. When
 * lt/lte is below gt/gte the range is exclusive: the value must lie outside it, as in PGV.
 *
 * <p>Bounds are kept as primitives (doubles for float and double, longs otherwise, compared
 * unsigned for the unsigned types): this check runs for every port and weight of a configuration.
 */
final class NumberCheck implements FieldCheck {

  private final boolean unsigned;
  private final boolean floating;
  private final Bound constant;
  private final Bound lt;
  private final Bound lte;
  private final Bound gt;
  private final Bound gte;
  private final List<Bound> in;
  private final List<Bound> notIn;
  private final boolean ignoreEmpty;

  /** One bound, as a long (integers) and a double (floating point). */
  private record Bound(long integer, double floating) {}

  NumberCheck(Message rules) {
    String type = rules.getDescriptorForType().getName();
    this.unsigned = type.startsWith("UInt") || type.startsWith("Fixed");
    this.floating = type.startsWith("Float") || type.startsWith("Double");
    this.constant = single(rules, "const");
    this.lt = single(rules, "lt");
    this.lte = single(rules, "lte");
    this.gt = single(rules, "gt");
    this.gte = single(rules, "gte");
    this.in = list(rules, "in");
    this.notIn = list(rules, "not_in");
    FieldDescriptor ignore = rules.getDescriptorForType().findFieldByName("ignore_empty");
    this.ignoreEmpty = ignore != null && (Boolean) rules.getField(ignore);
  }

  private Bound single(Message rules, String name) {
    FieldDescriptor f = rules.getDescriptorForType().findFieldByName(name);
    return f != null && rules.hasField(f) ? bound(rules.getField(f)) : null;
  }

  private List<Bound> list(Message rules, String name) {
    FieldDescriptor f = rules.getDescriptorForType().findFieldByName(name);
    List<Bound> out = new ArrayList<>();
    if (f != null) {
      for (Object o : (List<?>) rules.getField(f)) {
        out.add(bound(o));
      }
    }
    return List.copyOf(out);
  }

  private Bound bound(Object value) {
    if (value instanceof Integer i) {
      return new Bound(unsigned ? Integer.toUnsignedLong(i) : i, 0);
    }
    if (value instanceof Long l) {
      return new Bound(l, 0);
    }
    return new Bound(0, ((Number) value).doubleValue());
  }

  /** Negative, zero or positive as the value is below, at or above the bound. */
  private int compare(Object value, Bound b) {
    if (floating) {
      return Double.compare(((Number) value).doubleValue(), b.floating());
    }
    long v = value instanceof Integer i ? (unsigned ? Integer.toUnsignedLong(i) : i) : (Long) value;
    return unsigned ? Long.compareUnsigned(v, b.integer()) : Long.compare(v, b.integer());
  }

  @Override
  public void check(Object value, Location path, ViolationSink sink) {
    if (value == null) {
      return;
    }
    if (floating && Double.isNaN(((Number) value).doubleValue())) {
      return; // every comparison with NaN is false, so Envoy's generated validators let it pass
    }
    if (ignoreEmpty && (floating ? ((Number) value).doubleValue() == 0 : ((Number) value).longValue() == 0)) {
      return;
    }
    if (constant != null && compare(value, constant) != 0) {
      sink.add(path, "must equal " + show(constant));
    }
    Bound upper = lt != null ? lt : lte;
    Bound lower = gt != null ? gt : gte;
    boolean belowUpper = upper == null || (lt != null ? compare(value, lt) < 0 : compare(value, lte) <= 0);
    boolean aboveLower = lower == null || (gt != null ? compare(value, gt) > 0 : compare(value, gte) >= 0);
    if (upper != null && lower != null && compareBounds(upper, lower) < 0) {
      // Exclusive range: the value must be outside (upper, lower).
      if (!belowUpper && !aboveLower) {
        sink.add(path, "must be " + (lt != null ? "less than " : "less than or equal to ") + show(upper)
            + " or " + (gt != null ? "greater than " : "greater than or equal to ") + show(lower));
      }
    } else if (!belowUpper || !aboveLower) {
      String range = (lower != null ? (gt != null ? "greater than " : "greater than or equal to ") + show(lower) : "")
          + (lower != null && upper != null ? " and " : "")
          + (upper != null ? (lt != null ? "less than " : "less than or equal to ") + show(upper) : "");
      sink.add(path, "must be " + range + ", not " + show(value));
    }
    if (!in.isEmpty() && !contains(in, value)) {
      sink.add(path, "must be one of " + in.stream().map(this::show).toList() + ", not " + show(value));
    }
    if (!notIn.isEmpty() && contains(notIn, value)) {
      sink.add(path, "must not be one of " + notIn.stream().map(this::show).toList());
    }
  }

  private boolean contains(List<Bound> bounds, Object value) {
    for (Bound b : bounds) {
      if (compare(value, b) == 0) {
        return true;
      }
    }
    return false;
  }

  private int compareBounds(Bound a, Bound b) {
    if (floating) {
      return Double.compare(a.floating(), b.floating());
    }
    return unsigned ? Long.compareUnsigned(a.integer(), b.integer()) : Long.compare(a.integer(), b.integer());
  }

  private String show(Bound b) {
    if (floating) {
      double d = b.floating();
      return Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
          : new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
    return unsigned ? Long.toUnsignedString(b.integer()) : Long.toString(b.integer());
  }

  private String show(Object value) {
    if (floating) {
      return show(new Bound(0, ((Number) value).doubleValue()));
    }
    long v = value instanceof Integer i ? (unsigned ? Integer.toUnsignedLong(i) : i) : (Long) value;
    return unsigned ? Long.toUnsignedString(v) : Long.toString(v);
  }
}

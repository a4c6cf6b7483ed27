package dev.tollgate.translator.admission.cel;

import com.google.common.primitives.UnsignedLong;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * CEL's ordering and equality over the runtime values cel-java hands to functions: numbers of the
 * three kinds compare with one another by value, as with heterogeneous numeric comparisons.
 */
final class CelValues {

  /** Whether CEL orders values of this kind: numbers, strings, bools, bytes, durations, timestamps. */
  static boolean isOrderable(Object value) {
    return isNumber(value) || value instanceof String || value instanceof Boolean || value instanceof ByteString
        || value instanceof Duration || value instanceof Timestamp;
  }

  /**
   * The order of two orderable values; empty when CEL cannot order them (a NaN, or values of
   * different kinds), which the list functions pass over as cel-go does.
   */
  static OptionalInt compare(Object left, Object right) {
    if (isNumber(left) && isNumber(right)) {
      return compareNumbers(left, right);
    }
    if (left instanceof String a && right instanceof String b) {
      return OptionalInt.of(compareCodePoints(a, b));
    }
    if (left instanceof Boolean a && right instanceof Boolean b) {
      return OptionalInt.of(Boolean.compare(a, b));
    }
    if (left instanceof ByteString a && right instanceof ByteString b) {
      return OptionalInt.of(ByteString.unsignedLexicographicalComparator().compare(a, b));
    }
    if (left instanceof Duration a && right instanceof Duration b) {
      return OptionalInt.of(Durations.compare(a, b));
    }
    if (left instanceof Timestamp a && right instanceof Timestamp b) {
      return OptionalInt.of(Timestamps.compare(a, b));
    }
    return OptionalInt.empty();
  }

  /** CEL equality: numbers by value across kinds, lists element by element, maps entry by entry. */
  static boolean equal(Object left, Object right) {
    if (isNumber(left) && isNumber(right)) {
      OptionalInt order = compareNumbers(left, right);
      return order.isPresent() && order.getAsInt() == 0;
    }
    if (left instanceof Collection<?> a && right instanceof Collection<?> b) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<?> others = b.iterator();
      return a.stream().allMatch(element -> equal(element, others.next()));
    }
    if (left instanceof Map<?, ?> a && right instanceof Map<?, ?> b) {
      return a.size() == b.size() && a.entrySet().stream().allMatch(entry -> b.entrySet().stream()
          .anyMatch(other -> equal(entry.getKey(), other.getKey()) && equal(entry.getValue(), other.getValue())));
    }
    return Objects.equals(left, right);
  }

  private static boolean isNumber(Object value) {
    return value instanceof Long || value instanceof Double || value instanceof UnsignedLong;
  }

  private static OptionalInt compareNumbers(Object left, Object right) {
    if (left instanceof Double a && (a.isNaN() || a.isInfinite())
        || right instanceof Double b && (b.isNaN() || b.isInfinite())) {
      double a = ((Number) left).doubleValue();
      double b = ((Number) right).doubleValue();
      return Double.isNaN(a) || Double.isNaN(b) ? OptionalInt.empty() : OptionalInt.of(Double.compare(a, b));
    }
    return OptionalInt.of(exact(left).compareTo(exact(right)));
  }

  private static BigDecimal exact(Object number) {
    if (number instanceof Long value) {
      return BigDecimal.valueOf(value);
    }
    if (number instanceof UnsignedLong value) {
      return new BigDecimal(value.bigIntegerValue());
    }
    return new BigDecimal((Double) number);
  }

  /** Go compares strings byte by byte in UTF-8, which is code point order. */
  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  private CelValues() {}
}

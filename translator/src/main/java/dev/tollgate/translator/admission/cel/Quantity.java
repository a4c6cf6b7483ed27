package dev.tollgate.translator.admission.cel;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A Kubernetes resource quantity, held the way apimachinery's resource.Quantity holds it: a compact
 * {@code value × 10^scale} with a 64-bit value while it fits, an arbitrary-precision decimal
 * otherwise. The form is kept because {@code isInteger()} and {@code asInteger()} depend on it
 * ({@code quantity('1.5Ki')} is held as a decimal, so it is "not an integer" there too). Equality
 * and ordering are by value.
 */
final class Quantity implements Comparable<Quantity> {

  static final Quantity ZERO = compact(0, 0);

  private final long value;
  private final int scale;
  private final BigDecimal decimal;

  private Quantity(long value, int scale, BigDecimal decimal) {
    this.value = value;
    this.scale = scale;
    this.decimal = decimal;
  }

  static Quantity compact(long value, int scale) {
    return new Quantity(value, scale, null);
  }

  static Quantity decimal(BigDecimal amount) {
    return new Quantity(0, 0, amount);
  }

  static Quantity ofInteger(long value) {
    return compact(value, 0);
  }

  BigDecimal amount() {
    return decimal != null ? decimal : BigDecimal.valueOf(value, -scale);
  }

  boolean isZero() {
    return decimal != null ? decimal.signum() == 0 : value == 0;
  }

  int sign() {
    return decimal != null ? decimal.signum() : Long.signum(value);
  }

  /** The value as an int64, when it is held compact at a non-negative scale and fits. */
  Optional<Long> asInteger() {
    if (decimal != null || scale < 0) {
      return Optional.empty();
    }
    return Int64Arithmetic.timesPowerOfTen(value, scale);
  }

  /** apimachinery's AsApproximateFloat64: the unscaled value times Go's math.Pow10(exponent). */
  double asApproximateFloat() {
    double base = decimal != null ? decimal.unscaledValue().doubleValue() : (double) value;
    int exponent = decimal != null ? -decimal.scale() : scale;
    return exponent == 0 ? base : base * GoFloats.pow10(exponent);
  }

  Quantity add(Quantity other) {
    if (decimal == null && other.decimal == null) {
      Optional<Quantity> sum = addCompact(other.value, other.scale);
      if (sum.isPresent()) {
        return sum.get();
      }
    }
    return decimal(amount().add(other.amount()));
  }

  /** As apimachinery: subtracting from zero always yields the decimal form. */
  Quantity subtract(Quantity other) {
    if (isZero()) {
      return decimal(other.amount().negate());
    }
    if (decimal == null && other.decimal == null) {
      Optional<Quantity> difference = addCompact(-other.value, other.scale);
      if (difference.isPresent()) {
        return difference.get();
      }
    }
    return decimal(amount().subtract(other.amount()));
  }

  /** int64Amount.Add: aligns to the smaller scale, empty on overflow. */
  private Optional<Quantity> addCompact(long otherValue, int otherScale) {
    if (otherValue == 0) {
      return Optional.of(this);
    }
    if (value == 0) {
      return Optional.of(compact(otherValue, otherScale));
    }
    if (scale == otherScale) {
      return Int64Arithmetic.add(value, otherValue).map(sum -> compact(sum, scale));
    }
    if (scale > otherScale) {
      return Int64Arithmetic.timesPowerOfTen(value, scale - otherScale)
          .flatMap(aligned -> Int64Arithmetic.add(aligned, otherValue))
          .map(sum -> compact(sum, otherScale));
    }
    return Int64Arithmetic.timesPowerOfTen(otherValue, otherScale - scale)
        .flatMap(aligned -> Int64Arithmetic.add(value, aligned))
        .map(sum -> compact(sum, scale));
  }

  @Override
  public int compareTo(Quantity other) {
    return amount().compareTo(other.amount());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Quantity quantity && compareTo(quantity) == 0;
  }

  @Override
  public int hashCode() {
    BigDecimal amount = amount();
    return amount.signum() == 0 ? 0 : amount.stripTrailingZeros().hashCode();
  }

  @Override
  public String toString() {
    BigDecimal amount = amount();
    return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toString();
  }

  /** Exact 64-bit arithmetic that reports overflow instead of wrapping. */
  static final class Int64Arithmetic {

    static Optional<Long> add(long a, long b) {
      long sum = a + b;
      return ((a ^ sum) & (b ^ sum)) < 0 ? Optional.empty() : Optional.of(sum);
    }

    static Optional<Long> multiply(long a, long b) {
      try {
        return Optional.of(Math.multiplyExact(a, b));
      } catch (ArithmeticException overflow) {
        return Optional.empty();
      }
    }

    static Optional<Long> timesPowerOfTen(long value, int exponent) {
      Optional<Long> result = Optional.of(value);
      for (int i = 0; i < exponent && result.isPresent(); i++) {
        result = multiply(result.get(), 10);
      }
      return result;
    }

    private Int64Arithmetic() {}
  }
}

package dev.tollgate.translator.admission.cel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * Reads quantities with apimachinery's ParseQuantity: an optionally signed decimal number, then a
 * decimal SI suffix (n u m "" k M G T P E), a binary one (Ki Mi Gi Ti Pi Ei) or an exponent
 * (e3, E-2). Values are rounded up to the nano, and binary ones capped at 2^63-1, as there.
 * Failures are {@link IllegalArgumentException}s saying why.
 */
final class QuantityParser {

  private static final int NANO = -9;
  private static final int MAX_COMPACT_DIGITS = 18;
  private static final BigDecimal MAX_BINARY = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final Map<String, Integer> DECIMAL_SUFFIXES = Map.of(
      "n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
  private static final Map<String, Integer> BINARY_SUFFIXES = Map.of(
      "Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);
  private static final String SUFFIX_CHARACTERS = "eEinumkKMGTP";

  /** The pieces of the text: sign, the number as written, its integer and fraction digits, suffix. */
  private record Parts(boolean positive, String number, String integerDigits, String fractionDigits, String suffix) {}

  static boolean isValid(String text) {
    return Parses.succeeds(QuantityParser::parse, text);
  }

  static Quantity parse(String text) {
    if (text.isEmpty()) {
      throw malformed(text);
    }
    if (text.equals("0")) {
      return Quantity.ZERO;
    }
    Parts parts = split(text);
    int exponent;
    boolean binary = BINARY_SUFFIXES.containsKey(parts.suffix());
    if (DECIMAL_SUFFIXES.containsKey(parts.suffix())) {
      exponent = DECIMAL_SUFFIXES.get(parts.suffix());
    } else if (binary) {
      exponent = BINARY_SUFFIXES.get(parts.suffix());
    } else {
      exponent = decimalExponent(text, parts.suffix());
    }
    return compactForm(parts, exponent, binary).orElseGet(() -> decimalForm(text, parts, exponent, binary));
  }

  /** apimachinery's fast path: few enough digits, no binary fraction, not below the nano. */
  private static Optional<Quantity> compactForm(Parts parts, int exponent, boolean binary) {
    int digits = parts.integerDigits().length() + parts.fractionDigits().length();
    long mantissa = 1;
    int scale;
    int precision;
    if (binary) {
      if (!parts.fractionDigits().isEmpty()) {
        return Optional.empty();
      }
      mantissa = 1L << exponent;
      scale = 0;
      precision = 15 - parts.integerDigits().length() - exponent * 3 / 10 - 1;
    } else {
      scale = exponent;
      precision = MAX_COMPACT_DIGITS - digits;
    }
    int shiftedScale = scale - parts.fractionDigits().length();
    if (precision < 0 || shiftedScale < NANO) {
      return Optional.empty();
    }
    long value = Long.parseLong(parts.integerDigits() + parts.fractionDigits());
    return Quantity.Int64Arithmetic.multiply(value, mantissa)
        .map(result -> Quantity.compact(parts.positive() ? result : -result, shiftedScale));
  }

  private static Quantity decimalForm(String text, Parts parts, int exponent, boolean binary) {
    BigDecimal amount = readDecimal(text, parts.number());
    try {
      amount = binary
          ? new BigDecimal(amount.unscaledValue().shiftLeft(exponent), amount.scale())
          : amount.scaleByPowerOfTen(exponent);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("quantity '" + text + "' is out of range");
    }
    // Like inf.Dec's Round, this sets the scale to exactly nine digits, padding if need be.
    if (amount.signum() != 0) {
      amount = amount.setScale(-NANO, RoundingMode.UP);
    }
    if (binary && amount.abs().compareTo(MAX_BINARY) > 0) {
      amount = amount.signum() < 0 ? MAX_BINARY.negate() : MAX_BINARY;
    }
    return Quantity.decimal(amount);
  }

  /** The number as written (sign, digits, at most one '.'), exactly. */
  private static BigDecimal readDecimal(String text, String number) {
    String unsigned = number.startsWith("+") || number.startsWith("-") ? number.substring(1) : number;
    int dot = unsigned.indexOf('.');
    String digits = dot < 0 ? unsigned : unsigned.substring(0, dot) + unsigned.substring(dot + 1);
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("quantity '" + text + "' has no digits");
    }
    BigInteger unscaled = new BigInteger(digits);
    return new BigDecimal(number.startsWith("-") ? unscaled.negate() : unscaled, dot < 0 ? 0 : unsigned.length() - dot - 1);
  }

  /** A suffix that is not SI: 'e' or 'E' then a signed integer. */
  private static int decimalExponent(String text, String suffix) {
    if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
      try {
        // Go keeps the low 32 bits of the parsed int64.
        return (int) Long.parseLong(suffix.substring(1));
      } catch (NumberFormatException e) {
        // not an exponent either
      }
    }
    throw new IllegalArgumentException("quantity '" + text + "' has an unknown suffix '" + suffix + "'");
  }

  /** apimachinery's parseQuantityString, including its leniencies ("+", "." and "Mi" read as 0). */
  private static Parts split(String text) {
    int end = text.length();
    int pos = 0;
    boolean positive = true;
    if (text.charAt(0) == '-' || text.charAt(0) == '+') {
      positive = text.charAt(0) == '+';
      pos++;
    }
    while (pos < end && text.charAt(pos) == '0') {
      pos++;
    }
    if (pos == end) {
      return new Parts(positive, "0", "0", "", "");
    }
    int integerStart = pos;
    while (pos < end && isDigit(text.charAt(pos))) {
      pos++;
    }
    String integerDigits = text.substring(integerStart, pos);
    if (pos == end) {
      return new Parts(positive, text, integerDigits, "", "");
    }
    integerDigits = integerDigits.isEmpty() ? "0" : integerDigits;
    String fractionDigits = "";
    if (text.charAt(pos) == '.') {
      int fractionStart = ++pos;
      while (pos < end && isDigit(text.charAt(pos))) {
        pos++;
      }
      fractionDigits = text.substring(fractionStart, pos);
      if (pos == end) {
        return new Parts(positive, text, integerDigits, fractionDigits, "");
      }
    }
    String number = text.substring(0, pos);
    int suffixStart = pos;
    while (pos < end && SUFFIX_CHARACTERS.indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    if (pos < end && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
      pos++;
    }
    while (pos < end && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos < end) {
      throw malformed(text);
    }
    return new Parts(positive, number, integerDigits, fractionDigits, text.substring(suffixStart));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException malformed(String text) {
    return new IllegalArgumentException("quantity '" + text
        + "' is not a number followed by an optional suffix, such as 500m, 1.5Gi or 2e3");
  }

  private QuantityParser() {}
}

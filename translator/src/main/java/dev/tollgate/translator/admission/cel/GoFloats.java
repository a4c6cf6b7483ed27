package dev.tollgate.translator.admission.cel;

/**
 * Go's math.Pow10, table for table, so that {@code asApproximateFloat()} gives the very double the
 * API server computes (the product of two table entries is not always the nearest double to
 * 10^n, and Java's Math.pow rounds differently).
 */
final class GoFloats {

  private static final double[] POWERS = {
      1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09,
      1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
      1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29,
      1e30, 1e31,
  };
  private static final double[] POSITIVE_POWERS_OF_1E32 = {
      1e00, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288,
  };
  private static final double[] NEGATIVE_POWERS_OF_1E32 = {
      1e-00, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320,
  };

  static double pow10(int n) {
    if (n >= 0 && n <= 308) {
      return POSITIVE_POWERS_OF_1E32[n / 32] * POWERS[n % 32];
    }
    if (n >= -323 && n <= 0) {
      return NEGATIVE_POWERS_OF_1E32[-n / 32] / POWERS[-n % 32];
    }
    return n > 0 ? Double.POSITIVE_INFINITY : 0;
  }

  private GoFloats() {}
}

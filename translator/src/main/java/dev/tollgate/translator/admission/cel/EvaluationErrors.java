package dev.tollgate.translator.admission.cel;

import dev.cel.common.CelErrorCode;
import dev.cel.runtime.CelEvaluationException;
import java.util.function.Supplier;

/** Builds the errors the library functions raise, so a bad argument is a CEL evaluation error. */
final class EvaluationErrors {

  static CelEvaluationException invalidArgument(String format, Object... args) {
    return new CelEvaluationException(String.format(format, args), CelErrorCode.INVALID_ARGUMENT);
  }

  /** Runs a parser whose {@link IllegalArgumentException} says why its input is not valid. */
  static <T> T parsed(Supplier<T> parser) throws CelEvaluationException {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new CelEvaluationException(e.getMessage(), e, CelErrorCode.INVALID_ARGUMENT);
    }
  }

  static CelEvaluationException overflow(String format, Object... args) {
    return new CelEvaluationException(String.format(format, args), CelErrorCode.NUMERIC_OVERFLOW);
  }

  private EvaluationErrors() {}
}

package dev.tollgate.translator.admission.cel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.bundle.Cel;
import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;

/** Compiles and evaluates expressions in the Kubernetes environment, for the library tests. */
final class CelEvaluation {

  private static final Cel CEL = KubernetesCel.newEnvironment();

  static Object eval(String expression) {
    return evalWithSelf(expression, Map.of());
  }

  static Object evalWithSelf(String expression, Object self) {
    try {
      return CEL.createProgram(CEL.compile(expression).getAst()).eval(Map.of(KubernetesCel.SELF, self));
    } catch (CelValidationException | CelEvaluationException e) {
      throw new AssertionError(expression + ": " + e.getMessage(), e);
    }
  }

  /** Asserts that the expression compiles and that evaluating it is a CEL evaluation error. */
  static AbstractThrowableAssert<?, ? extends Throwable> assertEvaluationError(String expression) {
    return assertThatThrownBy(() -> CEL.createProgram(CEL.compile(expression).getAst()).eval(Map.of()))
        .as(expression)
        .isInstanceOf(CelEvaluationException.class);
  }

  /** Asserts that the expression does not type-check, as the API server would refuse it. */
  static AbstractThrowableAssert<?, ? extends Throwable> assertCompileError(String expression) {
    return assertThatThrownBy(() -> CEL.compile(expression).getAst())
        .as(expression)
        .isInstanceOf(CelValidationException.class);
  }

  private CelEvaluation() {}
}

package dev.tollgate.translator.admission.cel;

import static dev.tollgate.translator.admission.cel.CelEvaluation.assertCompileError;
import static dev.tollgate.translator.admission.cel.CelEvaluation.assertEvaluationError;
import static dev.tollgate.translator.admission.cel.CelEvaluation.eval;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityLibraryTest {

  @ParameterizedTest(name = "isQuantity(''{0}'') = {1}")
  @CsvSource(emptyValue = "", value = {
      "1.3G, true",
      "1.3Gi, true",
      "'1,3G', false",
      "10000k, true",
      "200K, false",
      "Three, false",
      "20, true",
      "20M, true",
      "20Mi, true",
      "20Mo, false",
      "10Mm, false",
      "500m, true",
      "1e3, true",
      "1E-3, true",
      "1e, false",
      "-1.5Ki, true",
      "+.5, true",
      "1.2.3, false",
      "'', false",
      "' 1', false",
      "'1 ', false",
      "5i, false",
      "1Ki3, false",
  })
  void isQuantity_followsApimachineryParsing(String text, boolean expected) {
    assertThat(eval("isQuantity('" + text + "')")).isEqualTo(expected);
  }

  @Test
  void quantity_invalidText_isEvaluationError() {
    assertEvaluationError("quantity('200K')").hasMessageContaining("200K");
    assertEvaluationError("quantity('Three')");
    assertEvaluationError("quantity('10Mm')").hasMessageContaining("suffix");
  }

  @Test
  void quantity_nonStringArgument_isCompileError() {
    assertCompileError("isQuantity([1, 2, 3])");
    assertCompileError("quantity('50k').add('20k')");
  }

  @Test
  void equality_isByValue() {
    assertThat(eval("quantity('200M') == quantity('200M')")).isEqualTo(true);
    assertThat(eval("quantity('200M') == quantity('0.2G') && quantity('0.2G') == quantity('200M')")).isEqualTo(true);
    assertThat(eval("quantity('2M') == quantity('0.002G') && quantity('2000k') == quantity('2M')")).isEqualTo(true);
    assertThat(eval("quantity('200M') == quantity('0.3G')")).isEqualTo(false);
    assertThat(eval("quantity('1Ki') == quantity('1024')")).isEqualTo(true);
  }

  @Test
  void comparisons_orderByValue() {
    assertThat(eval("quantity('200M').compareTo(quantity('0.2G'))")).isEqualTo(0L);
    assertThat(eval("quantity('50M').compareTo(quantity('50Mi'))")).isEqualTo(-1L);
    assertThat(eval("quantity('50Mi').compareTo(quantity('50M'))")).isEqualTo(1L);
    assertThat(eval("quantity('150Mi').isGreaterThan(quantity('100Mi'))")).isEqualTo(true);
    assertThat(eval("quantity('50Mi').isGreaterThan(quantity('100Mi'))")).isEqualTo(false);
    assertThat(eval("quantity('50M').isLessThan(quantity('100M'))")).isEqualTo(true);
    assertThat(eval("quantity('100M').isLessThan(quantity('50M'))")).isEqualTo(false);
    assertThat(eval("quantity('50M').isLessThan(quantity('50Mi'))")).isEqualTo(true);
  }

  @Test
  void arithmetic_addsAndSubtractsQuantitiesAndIntegers() {
    assertThat(eval("quantity('50k').add(quantity('20')) == quantity('50.02k')")).isEqualTo(true);
    assertThat(eval("quantity('50k').add(20) == quantity('50020')")).isEqualTo(true);
    assertThat(eval("quantity('50k').add(20).isLessThan(quantity('50020'))")).isEqualTo(false);
    assertThat(eval("quantity('50k').sub(quantity('20')) == quantity('49.98k')")).isEqualTo(true);
    assertThat(eval("quantity('50k').sub(20) == quantity('49980')")).isEqualTo(true);
    assertThat(eval("quantity('50k').sub(20000) == quantity('30k')")).isEqualTo(true);
    assertThat(eval("quantity('50k').add(quantity('20k')) == quantity('70k')")).isEqualTo(true);
    assertThat(eval("quantity('50k').add(20).sub(quantity('100k')).asInteger()")).isEqualTo(-49980L);
    assertThat(eval("quantity('50k').add(20).sub(quantity('100k')).sub(-50000).asInteger()")).isEqualTo(20L);
    assertThat(eval("quantity('50k').add(20).sub(quantity('100k')).sub(-50000) == quantity('20')")).isEqualTo(true);
  }

  @Test
  void arithmetic_beyondInt64_carriesOnInDecimal() {
    assertThat(eval("quantity('9223372036854775807').add(1) == quantity('9223372036854775808')")).isEqualTo(true);
    assertThat(eval("quantity('9223372036854775807').add(1).isInteger()")).isEqualTo(false);
  }

  @Test
  void asInteger_exactIntegers() {
    assertThat(eval("quantity('50k').asInteger()")).isEqualTo(50000L);
    assertThat(eval("quantity('50k').asInteger() == 50000")).isEqualTo(true);
    assertThat(eval("quantity('500000G').isInteger()")).isEqualTo(true);
    assertThat(eval("quantity('50000000G').isInteger()")).isEqualTo(true);
    assertThat(eval("quantity('50').isInteger()")).isEqualTo(true);
    assertThat(eval("quantity('1.5k').asInteger()")).isEqualTo(1500L);
    assertThat(eval("quantity('2Gi').asInteger()")).isEqualTo(2147483648L);
    assertThat(eval("quantity('-3').asInteger()")).isEqualTo(-3L);
  }

  @Test
  void asInteger_overflowOrFraction_isEvaluationError() {
    assertThat(eval("quantity('9999999999999999999999999999999999999G').isInteger()")).isEqualTo(false);
    assertEvaluationError("quantity('9999999999999999999999999999999999999G').asInteger()")
        .hasMessageContaining("integer");
    assertThat(eval("quantity('500m').isInteger()")).isEqualTo(false);
    assertThat(eval("quantity('10E18').isInteger()")).isEqualTo(false);
  }

  @Test
  void isInteger_followsApimachineryRepresentation() {
    // apimachinery's AsInt64 only converts its compact form at a non-negative scale.
    assertThat(eval("quantity('1000m').isInteger()")).isEqualTo(false);
    assertThat(eval("quantity('1.0').isInteger()")).isEqualTo(false);
    assertThat(eval("quantity('1.5Ki').isInteger()")).isEqualTo(false);
    assertThat(eval("quantity('0').sub(quantity('1')).isInteger()")).isEqualTo(false);
  }

  @Test
  void asApproximateFloat_mayLosePrecision() {
    assertThat(eval("quantity('50.703k').asApproximateFloat()")).isEqualTo(50703.0);
    assertThat(eval("quantity('50k').sub(20000).asApproximateFloat() == 30000.0")).isEqualTo(true);
    // Held as 55 digits at scale 9: the unscaled value as a double, times Go's Pow10(-9).
    assertThat(eval("quantity('9999999999999999999999999999999999999G').asApproximateFloat()"))
        .isEqualTo(1e55 * (1 / 1e9));
    assertThat(eval("quantity('1Mi').asApproximateFloat()")).isEqualTo(1048576.0);
    assertThat(eval("quantity('100m').asApproximateFloat()")).isEqualTo(0.1);
    assertThat(eval("quantity('1e400').asApproximateFloat()")).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void sign_isMinusOneZeroOrOne_asMemberOrFunction() {
    assertThat(eval("quantity('-50k').sign()")).isEqualTo(-1L);
    assertThat(eval("quantity('0').sign()")).isEqualTo(0L);
    assertThat(eval("quantity('1n').sign()")).isEqualTo(1L);
    assertThat(eval("sign(quantity('-0.5'))")).isEqualTo(-1L);
  }

  @Test
  void parse_roundsUpToTheNanoAndCapsBinary() {
    assertThat(eval("quantity('0.1n') == quantity('1n')")).isEqualTo(true);
    assertThat(eval("quantity('-0.1n') == quantity('-1n')")).isEqualTo(true);
    assertThat(eval("quantity('1.5n') == quantity('2n')")).isEqualTo(true);
    assertThat(eval("quantity('100Ei') == quantity('9223372036854775807')")).isEqualTo(true);
    assertThat(eval("quantity('1.5Ki') == quantity('1536')")).isEqualTo(true);
    assertThat(eval("quantity('1.5Ki').asApproximateFloat()")).isEqualTo(1536.0);
  }
}

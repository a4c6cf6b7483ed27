package dev.tollgate.translator.admission.cel;

import static dev.tollgate.translator.admission.cel.CelEvaluation.assertCompileError;
import static dev.tollgate.translator.admission.cel.CelEvaluation.assertEvaluationError;
import static dev.tollgate.translator.admission.cel.CelEvaluation.eval;
import static dev.tollgate.translator.admission.cel.CelEvaluation.evalWithSelf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatLibraryTest {

  private static final String NAME_RULE =
      "size(self) == 0 || !format.dns1123Label().validate(self).hasValue()";

  @ParameterizedTest(name = "format.{0}().validate(''{1}'') is none")
  @CsvSource(emptyValue = "", value = {
      "dns1123Label, my-label-name",
      "dns1123Subdomain, apiextensions.k8s.io",
      "dns1035Label, my-label-name",
      "qualifiedName, apiextensions.k8s.io/v1beta1",
      "qualifiedName, MyName",
      "dns1123LabelPrefix, my-label-prefix-",
      "dns1123SubdomainPrefix, mysubdomain.prefix.-",
      "dns1035LabelPrefix, my-label-prefix-",
      "labelValue, my_value",
      "labelValue, ''",
      "uri, http://example.com",
      "uri, /absolute/path",
      "uuid, 123e4567-e89b-12d3-a456-426614174000",
      "uuid, 123E4567E89B12D3A456426614174000",
      "byte, aGVsbG8=",
      "date, 2021-01-01",
      "date, 2024-02-29",
      "datetime, 2021-01-01T00:00:00Z",
      "datetime, 2021-01-01t23:59:59.123+05:30",
  })
  void validate_validValue_isNone(String format, String value) {
    assertThat(eval("format." + format + "().validate('" + value + "')")).isEqualTo(Optional.empty());
    assertThat(eval("format." + format + "().validate('" + value + "').hasValue()")).isEqualTo(false);
  }

  @ParameterizedTest(name = "format.{0}().validate(''{1}'') has {2} problem(s)")
  @CsvSource(emptyValue = "", value = {
      "dns1123Label, My-Name, 1",
      "dns1123Label, my.name, 1",
      "dns1123Label, -name, 1",
      "dns1123Label, '', 1",
      "dns1123Label, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, 1",
      "dns1123Label, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_a, 2",
      "dns1123Subdomain, example..com, 1",
      "dns1123Subdomain, Example.com, 1",
      "dns1035Label, 123-abc, 1",
      "qualifiedName, a/b/c, 1",
      "qualifiedName, /name, 1",
      "qualifiedName, Example.com/name, 1",
      "qualifiedName, example.com/, 2",
      "qualifiedName, -name, 1",
      "dns1123LabelPrefix, -, 1",
      "labelValue, -value, 1",
      "uri, relative/path, 1",
      "uuid, 123e4567-e89b-12d3-a456-42661417400, 1",
      "byte, aGVsbG8, 1",
      "byte, '', 1",
      "date, 2021-02-29, 1",
      "date, 2021-1-01, 1",
      "date, 21-01-01, 1",
      "datetime, 2021-01-01, 1",
      "datetime, 2021-01-01T24:00:00Z, 1",
      "datetime, 2021-01-01T00:00:00, 1",
      "datetime, 2021-01-01 00:00:00Z, 1",
  })
  void validate_invalidValue_listsItsProblems(String format, String value, int problems) {
    assertThat(eval("format." + format + "().validate('" + value + "').value()"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .hasSize(problems)
        .allSatisfy(problem -> assertThat(problem).isInstanceOf(String.class));
    assertThat(eval("format." + format + "().validate('" + value + "').hasValue()")).isEqualTo(true);
  }

  @Test
  void validate_labelWithDots_saysDotsAreTheProblem() {
    assertThat(eval("format.dns1123Label().validate('my.name').value()")).isEqualTo(List.of("must not contain dots"));
  }

  @Test
  void validate_problemsCanMakeAMessage() {
    assertThat(eval("format.qualifiedName().validate('example.com/').value().join('; ')"))
        .asString()
        .contains("name part must not be empty");
  }

  @Test
  void named_knownName_isTheFormat() {
    assertThat(eval("format.named('dns1123Label').hasValue()")).isEqualTo(true);
    assertThat(eval("format.named('dns1123Label').value().validate('my-name').hasValue()")).isEqualTo(false);
    assertThat(eval("format.named('datetime').value().validate('x').hasValue()")).isEqualTo(true);
    assertThat(eval("format.named('dns1123Label').value() == format.dns1123Label()")).isEqualTo(true);
  }

  @Test
  void named_unknownName_isNone() {
    assertThat(eval("format.named('email').hasValue()")).isEqualTo(false);
    assertThat(eval("format.named('DNS1123Label') == optional.none()")).isEqualTo(true);
  }

  @Test
  void named_noneDereferenced_isEvaluationError() {
    assertEvaluationError("format.named('email').value().validate('x')");
  }

  @Test
  void formats_unknownConstructorOrBadArgument_isCompileError() {
    assertCompileError("format.email()");
    assertCompileError("format.dns1123Label().validate(1)");
  }

  @Test
  void xBackendNameRule_emptyOrValidLabel_isTrue() {
    assertThat(evalWithSelf(NAME_RULE, "")).isEqualTo(true);
    assertThat(evalWithSelf(NAME_RULE, "my-endpoint")).isEqualTo(true);
    assertThat(evalWithSelf(NAME_RULE, "a")).isEqualTo(true);
  }

  @Test
  void xBackendNameRule_invalidLabel_isFalse() {
    assertThat(evalWithSelf(NAME_RULE, "My-Endpoint")).isEqualTo(false);
    assertThat(evalWithSelf(NAME_RULE, "my.endpoint")).isEqualTo(false);
    assertThat(evalWithSelf(NAME_RULE, "endpoint-")).isEqualTo(false);
    assertThat(evalWithSelf(NAME_RULE, "a".repeat(64))).isEqualTo(false);
  }
}

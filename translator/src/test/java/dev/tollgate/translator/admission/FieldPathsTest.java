package dev.tollgate.translator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldPathsTest {

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource(delimiter = '|', value = {
      "spec | appProtocols | spec.appProtocols",
      "spec | rules[1] | spec.rules[1]",
      "spec | [1][0].appProtocols | spec[1][0].appProtocols",
      "spec | '' | spec",
      "'' | rules[0].name | rules[0].name",
      "'' | [0] | [0]",
      "'' | '' | ''",
      "spec.rules[0] | matches[2].path | spec.rules[0].matches[2].path",
      "metadata | labels[app.kubernetes.io/name] | metadata.labels[app.kubernetes.io/name]",
  })
  void join_prefixAndRelativePath_isWellFormed(String prefix, String relative, String expected) {
    assertThat(FieldPaths.join(prefix, relative)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource(delimiter = '|', value = {
      "'' | appProtocols | appProtocols",
      "spec | appProtocols | spec.appProtocols",
      "metadata.labels | app.kubernetes.io/name | metadata.labels[app.kubernetes.io/name]",
      "'' | a b | [a b]",
  })
  void child_plainOrBracketedName(String path, String name, String expected) {
    assertThat(FieldPaths.child(path, name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(delimiter = '|', value = {
      "spec.rules[0] | spec.rules[0]: is required",
      "'' | is required",
  })
  void located_emptyPath_hasNoLeadingColon(String path, String expected) {
    assertThat(FieldPaths.located(path, "is required")).isEqualTo(expected);
  }
}

package dev.tollgate.translator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.model.gatewayapi.LabelSelector;
import dev.tollgate.translator.model.gatewayapi.LabelSelector.Requirement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

  private static final Map<String, String> LABELS = Map.of("env", "prod", "team", "a");

  @Test
  void matches_requiresEveryLabelAndExpression() {
    assertThat(new LabelSelector(Map.of("env", "prod"), null).matches(LABELS)).isTrue();
    assertThat(new LabelSelector(Map.of("env", "dev"), null).matches(LABELS)).isFalse();
    assertThat(new LabelSelector(null, List.of(new Requirement("team", "In", List.of("a", "b")))).matches(LABELS)).isTrue();
    assertThat(new LabelSelector(null, List.of(new Requirement("team", "NotIn", List.of("a")))).matches(LABELS)).isFalse();
    assertThat(new LabelSelector(null, List.of(new Requirement("env", "Exists", null))).matches(LABELS)).isTrue();
    assertThat(new LabelSelector(null, List.of(new Requirement("zone", "DoesNotExist", null))).matches(LABELS)).isTrue();
    assertThat(new LabelSelector(Map.of("env", "prod"), List.of(new Requirement("zone", "Exists", null))).matches(LABELS)).isFalse();
  }

  @Test
  void matches_unknownOperatorNeverMatches() {
    assertThat(new LabelSelector(null, List.of(new Requirement("env", "Gt", List.of("1")))).matches(LABELS)).isFalse();
  }
}

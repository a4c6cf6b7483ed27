package dev.tollgate.translator.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RouteProblemsTest {

  @Test
  void anInvalidValueInOneRule_dropsThatRuleOnly() {
    RouteProblems problems = new RouteProblems(Arrays.asList("api", null, "admin"));
    problems.inRule(1);
    problems.invalid("spec.rules[1].filters[0].type", "filter type \"CORS\" is not supported");
    assertThat(problems.ruleDropped(1)).isTrue();
    assertThat(problems.ruleDropped(0)).isFalse();
    assertThat(problems.isInvalid()).isFalse();
    assertThat(problems.placeable()).isTrue();
    assertThat(problems.droppedRules())
        .startsWith("Dropped Rule 1: spec.rules[1].filters[0].type")
        .endsWith("requests it matches answer 500");
  }

  @Test
  void droppedRules_areNamedWhenTheyHaveNames_andCountedInTheMessage() {
    RouteProblems problems = new RouteProblems(Arrays.asList("api", null, "admin"));
    problems.inRule(0);
    problems.invalid("spec.rules[0].x", "bad");
    problems.inRule(2);
    problems.invalid("spec.rules[2].y", "bad");
    assertThat(problems.droppedRules()).startsWith("Dropped Rules 0 (api), 2 (admin): ").endsWith("requests they match answer 500");
  }

  @Test
  void everyRuleDropped_rejectsTheRoute_butItIsStillPlacedAs500s() {
    RouteProblems problems = new RouteProblems(Arrays.asList("a", "b"));
    problems.inRule(0);
    problems.invalid("spec.rules[0].x", "bad");
    problems.inRule(1);
    problems.invalid("spec.rules[1].x", "bad");
    assertThat(problems.isInvalid()).isTrue();
    assertThat(problems.droppedRules()).as("not partially invalid when nothing is left").isNull();
    assertThat(problems.placeable()).isTrue();
    assertThat(problems.invalid()).endsWith("requests the route matches answer 500");
  }

  @Test
  void anInvalidHostname_rejectsTheRoute_andPlacesItNowhere() {
    RouteProblems problems = new RouteProblems(Arrays.asList("a"));
    problems.invalidHostname("spec.hostnames[0]", "bad");
    assertThat(problems.isInvalid()).isTrue();
    assertThat(problems.placeable()).isFalse();
  }

  @Test
  void aRefusedRoute_isRejected_placeable_andItsReferencesAreNotClaimedResolved() {
    RouteProblems problems = new RouteProblems(Arrays.asList("a"));
    problems.rejected("it was refused when read: spec.x: unknown field");
    assertThat(problems.isInvalid()).isTrue();
    assertThat(problems.placeable()).isTrue();
    assertThat(problems.refsChecked()).isFalse();
    assertThat(problems.invalid()).isEqualTo("it was refused when read: spec.x: unknown field");
  }

  @Test
  void count_tellsWhetherAStepReportedAnything() {
    RouteProblems problems = new RouteProblems(Arrays.asList("a"));
    problems.inRule(0);
    int before = problems.count();
    problems.unresolved("spec.rules[0].backendRefs[0]", "BackendNotFound", "missing");
    assertThat(problems.count()).as("unresolved references do not invalidate").isEqualTo(before);
    problems.invalid("spec.rules[0].matches[0]", "bad");
    assertThat(problems.count()).isEqualTo(before + 1);
  }
}

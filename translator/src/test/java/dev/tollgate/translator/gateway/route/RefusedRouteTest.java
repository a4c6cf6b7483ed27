package dev.tollgate.translator.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.input.RejectedObject;
import dev.tollgate.translator.input.Source;
import dev.tollgate.translator.ir.PathMatchIr;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.ObjectMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusedRouteTest {

  private static RefusedRoute http(String specYaml) throws Exception {
    JsonNode spec = Mappers.yaml().readTree(specYaml);
    ObjectKey key = new ObjectKey("HTTPRoute", "default", "broken");
    return RefusedRoute.http(new RejectedObject(key, "gateway.networking.k8s.io/v1",
        new ObjectMeta("broken", "default", null, null, null, null, null, null), spec,
        new Source("routes.yaml", 1), List.of("spec.rules[0].backendRefs[0].wieght: unknown field")));
  }

  @Test
  void everyReadableMatch_answers500_andNothingElse() throws Exception {
    RefusedRoute route = http("""
        parentRefs: [{name: eg}, {name: 7}, "junk"]
        hostnames: [www.example.com]
        rules:
          - matches: [{path: {type: PathPrefix, value: /admin}}, {path: "unreadable"}, {path: {type: Exact, value: /x}}, null,
              {path: {type: RegularExpression, value: "(?=x)"}}]
            backendRefs: [{name: app, port: 80, wieght: 2}]
          - filters: "not a list"
        """);
    assertThat(route.view().parentRefs()).extracting(p -> p.name()).containsExactly("eg", "7");
    List<RuleTemplate> templates = route.translated().templates();
    assertThat(templates).extracting(t -> t.ruleIndex() + "/" + t.matchIndex()).containsExactly("0/0", "0/2", "1/-1");
    assertThat(templates).allSatisfy(t -> {
      assertThat(t.route().directResponse().status()).isEqualTo(500);
      assertThat(t.route().destination()).isNull();
      assertThat(t.route().requestHeaders().set()).isEmpty();
    });
    assertThat(templates.get(0).route().match().path()).isEqualTo(new PathMatchIr(PathMatchIr.Type.PATH_PREFIX, "/admin"));
    assertThat(route.translated().problems().isInvalid()).isTrue();
    assertThat(route.translated().problems().placeable()).isTrue();
    assertThat(route.translated().problems().invalid()).contains("refused when read").contains("wieght");
  }

  @Test
  void aMatchWithANullHeaderOrQueryParameter_isLeftOut_theOthersPlaced() throws Exception {
    RefusedRoute route = http("""
        parentRefs: [{name: eg}]
        rules:
          - matches:
              - {path: {type: PathPrefix, value: /a}, headers: [{name: X-Version, value: "2"}, null]}
              - {path: {type: PathPrefix, value: /b}, queryParams: [null]}
              - {path: {type: PathPrefix, value: /c}, headers: [{name: X-Version, value: "2"}]}
        """);
    assertThat(route.translated().templates()).extracting(t -> t.matchIndex()).containsExactly(2);
  }

  @Test
  void absentRules_areTheApiServersDefault_oneRuleMatchingEveryPath() throws Exception {
    RefusedRoute route = http("parentRefs: [{name: eg}]\nhostnames: [www.example.com]\nbogus: 1\n");
    assertThat(route.translated().templates()).singleElement()
        .satisfies(t -> assertThat(t.route().match().path().value()).isEqualTo("/"));
  }

  @Test
  void rulesOfTheWrongShape_placeNothing() throws Exception {
    RefusedRoute route = http("parentRefs: [{name: eg}]\nrules: {matches: []}\n");
    assertThat(route.translated().templates()).isEmpty();
  }

  @Test
  void unreadableHostnames_placeTheRouteNowhere() throws Exception {
    RefusedRoute route = http("parentRefs: [{name: eg}]\nhostnames: [{a: b}]\n");
    assertThat(route.translated().problems().placeable()).isFalse();
    assertThat(http("parentRefs: [{name: eg}]\nhostnames: \"www.example.com\"\n").translated().problems().placeable()).isFalse();
    assertThat(http("parentRefs: [{name: eg}]\nhostnames: [\"*.*.bad\"]\n").translated().problems().placeable()).isFalse();
  }
}

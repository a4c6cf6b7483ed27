package dev.tollgate.translator.gateway.security;

import dev.tollgate.translator.gateway.policy.PolicyProblems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.ir.AuthorizationIr;
import dev.tollgate.translator.json.Binder;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.model.envoygateway.AuthorizationSpec;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizationTranslatorTest {

  private record Out(AuthorizationIr ir, String problems) {}

  private static Out translate(String yaml) throws Exception {
    AuthorizationSpec spec = Binder.bind(Mappers.yaml().readTree(yaml), AuthorizationSpec.class).value();
    PolicyProblems problems = new PolicyProblems();
    AuthorizationIr ir = new AuthorizationTranslator().translate(spec, Set.of("corp"), "p.", problems);
    return new Out(ir, problems.message());
  }

  @Test
  void walkthroughRule_becomesItsParts() throws Exception {
    Out out = translate("""
        rules:
          - action: Allow
            operation: {methods: [GET]}
            principal:
              clientCIDRs: [10.0.0.0/8]
              jwt: {provider: corp, claims: [{name: groups, valueType: StringArray, values: [admin]}]}
        """);
    assertThat(out.problems()).isNull();
    assertThat(out.ir().allowByDefault()).isFalse();
    AuthorizationIr.Rule r = out.ir().rules().get(0);
    assertThat(r.name()).isEqualTo("rule-0");
    assertThat(r.methods()).containsExactly("GET");
    assertThat(r.clientCidrs()).containsExactly(new AuthorizationIr.Cidr("10.0.0.0", 8));
    assertThat(r.jwt().claims()).containsExactly(new AuthorizationIr.Claim(java.util.List.of("groups"), true, java.util.List.of("admin")));
  }

  @Test
  void ipv6Cidr_isNormalised_andNestedClaimsSplit() throws Exception {
    Out out = translate("""
        defaultAction: Allow
        rules:
          - action: Deny
            principal:
              clientCIDRs: ["2001:DB8:0:0::/32"]
              jwt: {provider: corp, claims: [{name: org.unit, values: [x]}]}
        """);
    assertThat(out.problems()).isNull();
    assertThat(out.ir().rules().get(0).clientCidrs()).containsExactly(new AuthorizationIr.Cidr("2001:db8::", 32));
    assertThat(out.ir().rules().get(0).jwt().claims().get(0).path()).containsExactly("org", "unit");
  }

  @Test
  void everyProblem_isNamedWithItsField() throws Exception {
    Out out = translate("""
        rules:
          - {action: Allow, principal: {clientCIDRs: [10.0.0.300/8]}}
          - {action: Allow, principal: {jwt: {provider: partner, scopes: [read]}}}
          - {action: Allow, cel: "request.method =="}
          - {action: Allow, cel: "request.nope"}
          - {action: Maybe, principal: {headers: [{name: "bad header", values: [x]}]}}
        """);
    assertThat(out.problems())
        .contains("spec.authorization.rules[0].principal.clientCIDRs[0]: \"10.0.0.300/8\" is not a CIDR range")
        .contains("spec.authorization.rules[1].principal.jwt.provider: \"partner\" is not one of the policy's JWT providers [corp]")
        .contains("spec.authorization.rules[2].cel: \"request.method ==\" is not a valid expression over Envoy's attributes: 1:18:")
        .contains("spec.authorization.rules[3].cel: \"request.nope\" is not a valid expression over Envoy's attributes: 1:8: undefined field 'nope'")
        .contains("spec.authorization.rules[4].action: \"Maybe\" is not one of Allow, Deny")
        .contains("spec.authorization.rules[4].principal.headers[0].name:");
  }

  @Test
  void allowExpressionBeforeDeny_underDefaultAllow_isRefused_ratherThanEnforcedOpen() throws Exception {
    Out out = translate("""
        defaultAction: Allow
        rules:
          - {action: Allow, cel: "request.headers['x-bypass'] == 'yes'"}
          - {action: Deny, principal: {clientCIDRs: [0.0.0.0/0]}}
        """);
    assertThat(out.problems()).startsWith("spec.authorization.rules[0].cel: an Allow rule with an expression cannot come before a Deny rule (rules[1])");
    // The same exception under a default Deny fails closed, and is accepted.
    assertThat(translate("""
        rules:
          - {action: Deny, cel: "request.headers['x-block'] == 'yes'"}
          - {action: Allow, principal: {clientCIDRs: [0.0.0.0/0]}}
        """).problems()).isNull();
  }

  @Test
  void tooManyPolicies_isRefused() throws Exception {
    StringBuilder yaml = new StringBuilder("rules:\n");
    for (int i = 0; i < 7; i++) {
      yaml.append("  - {action: Deny, cel: \"request.method == 'GET'\", principal: {headers: [{name: x-").append(i).append(", values: [a]}]}}\n");
    }
    yaml.append("  - {action: Allow, principal: {clientCIDRs: [0.0.0.0/0]}}\n");
    Out out = translate(yaml.toString());
    assertThat(out.ir().policyCount()).isEqualTo(128);
    assertThat(out.problems()).contains("spec.authorization.rules: would become 128 Envoy policies (at most 64)");
  }
}

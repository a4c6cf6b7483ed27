package dev.tollgate.review.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.core.v3.CidrRange;
import io.envoyproxy.envoy.config.rbac.v3.Permission;
import io.envoyproxy.envoy.config.rbac.v3.Policy;
import io.envoyproxy.envoy.config.rbac.v3.Principal;
import io.envoyproxy.envoy.config.rbac.v3.RBAC;
import io.envoyproxy.envoy.type.matcher.v3.ListMatcher;
import io.envoyproxy.envoy.type.matcher.v3.MetadataMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.envoyproxy.envoy.type.matcher.v3.ValueMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RBAC decisions where the request decides them, and "undecided" where it does not. */
class RbacEvaluationTest {

  private static final Permission ANY = Permission.newBuilder().setAny(true).build();

  private static RBAC allow(Principal p) {
    return RBAC.newBuilder().setAction(RBAC.Action.ALLOW).putPolicies("p", Policy.newBuilder().addPermissions(ANY).addPrincipals(p).build()).build();
  }

  private static HttpRequest request(String source, String claims) throws Exception {
    return HttpRequest.parse("GET http://h/", List.of(), source, claims == null ? null : new ObjectMapper().readTree(claims));
  }

  @Test
  void clientAddress() throws Exception {
    RBAC rules = allow(Principal.newBuilder().setRemoteIp(CidrRange.newBuilder().setAddressPrefix("10.0.0.0").setPrefixLen(UInt32Value.of(8))).build());
    assertThat(RbacEvaluation.evaluate(rules, request("10.1.2.3", null)).allowed()).isEqualTo(Tri.TRUE);
    assertThat(RbacEvaluation.evaluate(rules, request("192.168.0.1", null)).allowed()).isEqualTo(Tri.FALSE);
    assertThat(RbacEvaluation.evaluate(rules, request(null, null)).allowed()).isEqualTo(Tri.UNKNOWN);
  }

  @Test
  void jwtClaimsFromMetadata() throws Exception {
    Principal group = Principal.newBuilder().setMetadata(MetadataMatcher.newBuilder().setFilter("envoy.filters.http.jwt_authn")
        .addPath(MetadataMatcher.PathSegment.newBuilder().setKey("provider"))
        .addPath(MetadataMatcher.PathSegment.newBuilder().setKey("groups"))
        .setValue(ValueMatcher.newBuilder().setListMatch(ListMatcher.newBuilder().setOneOf(
            ValueMatcher.newBuilder().setStringMatch(StringMatcher.newBuilder().setExact("admin")))))).build();
    RBAC rules = allow(group);
    assertThat(RbacEvaluation.evaluate(rules, request(null, "{\"groups\":[\"dev\",\"admin\"]}")).allowed()).isEqualTo(Tri.TRUE);
    assertThat(RbacEvaluation.evaluate(rules, request(null, "{\"groups\":[\"dev\"]}")).allowed()).isEqualTo(Tri.FALSE);
    assertThat(RbacEvaluation.evaluate(rules, request(null, null)).allowed()).isEqualTo(Tri.UNKNOWN);
  }

  @Test
  void denyRulesAndConditions() throws Exception {
    RBAC deny = allow(Principal.newBuilder().setAny(true).build()).toBuilder().setAction(RBAC.Action.DENY).build();
    assertThat(RbacEvaluation.evaluate(deny, request(null, null)).allowed()).isEqualTo(Tri.FALSE);
    RBAC conditional = RBAC.newBuilder().setAction(RBAC.Action.ALLOW).putPolicies("p", Policy.newBuilder().addPermissions(ANY)
        .addPrincipals(Principal.newBuilder().setAny(true)).setCondition(com.google.api.expr.v1alpha1.Expr.newBuilder().setId(1)).build()).build();
    assertThat(RbacEvaluation.evaluate(conditional, request(null, null)).allowed()).isEqualTo(Tri.UNKNOWN);
  }
}

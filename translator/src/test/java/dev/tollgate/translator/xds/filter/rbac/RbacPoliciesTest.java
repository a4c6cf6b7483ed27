package dev.tollgate.translator.xds.filter.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.ir.AuthorizationIr;
import dev.tollgate.translator.ir.PathMatchIr;
import io.envoyproxy.envoy.config.rbac.v3.Principal;
import io.envoyproxy.envoy.config.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBACPerRoute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RbacPoliciesTest {

  private static final AuthorizationIr.Jwt ADMINS = new AuthorizationIr.Jwt("corp",
      List.of(new AuthorizationIr.Claim(List.of("groups"), true, List.of("admin"))), List.of());

  private static AuthorizationIr.Rule rule(String name, boolean allow, List<String> methods, PathMatchIr path, boolean invert,
      List<AuthorizationIr.Cidr> cidrs, List<AuthorizationIr.Header> headers, AuthorizationIr.Jwt jwt, String cel) {
    return new AuthorizationIr.Rule(name, allow, methods, path, invert, cidrs, headers, jwt, cel);
  }

  @Test
  void allowGetFromNetworkWithClaim_isOnePolicyOfExactlyThoseParts() {
    AuthorizationIr ir = new AuthorizationIr(false, false, "p.", List.of(rule("admins", true, List.of("GET"), null, false,
        List.of(new AuthorizationIr.Cidr("10.0.0.0", 8)), List.of(), ADMINS, null)));
    RBAC rbac = RbacPolicies.rules(ir);
    assertThat(rbac.getAction()).isEqualTo(RBAC.Action.ALLOW);
    assertThat(rbac.getPoliciesMap()).containsOnlyKeys("admins");
    var policy = rbac.getPoliciesOrThrow("admins");
    assertThat(policy.getPermissionsList()).singleElement().satisfies(p -> assertThat(p.getAny()).isTrue());
    List<Principal> parts = policy.getPrincipals(0).getAndIds().getIdsList();
    assertThat(parts).hasSize(3);
    assertThat(parts.get(0).getHeader().getName()).isEqualTo(":method");
    assertThat(parts.get(0).getHeader().getStringMatch().getExact()).isEqualTo("GET");
    assertThat(parts.get(1).getRemoteIp().getAddressPrefix()).isEqualTo("10.0.0.0");
    assertThat(parts.get(1).getRemoteIp().getPrefixLen().getValue()).isEqualTo(8);
    var claim = parts.get(2).getMetadata();
    assertThat(claim.getFilter()).isEqualTo("envoy.filters.http.jwt_authn");
    assertThat(claim.getPathList()).extracting(s -> s.getKey()).containsExactly("corp", "groups");
    assertThat(claim.getValue().getListMatch().getOneOf().getStringMatch().getExact()).isEqualTo("admin");
    assertThat(policy.hasCondition()).isFalse();
  }

  @Test
  void shadow_leavesNothingEnforced() {
    AuthorizationIr ir = new AuthorizationIr(false, true, "securitypolicy.default.p.", List.of(rule("admins", true,
        List.of("GET"), null, false, List.of(), List.of(), ADMINS, null)));
    RBACPerRoute perRoute = RBACPerRoute.newBuilder().setRbac(RbacFilter.config(ir)).build();
    assertThat(perRoute.getRbac().hasRules()).isFalse();
    assertThat(perRoute.getRbac().getShadowRules().getPoliciesMap()).containsOnlyKeys("admins");
    assertThat(perRoute.getRbac().getShadowRulesStatPrefix()).isEqualTo("securitypolicy.default.p.");
  }

  @Test
  void noRules_enforceTheDefault() {
    RbacEvaluator.Request any = new RbacEvaluator.Request("GET", "/", "10.0.0.1", Map.of(), Map.of());
    assertThat(RbacEvaluator.allowed(RbacPolicies.rules(new AuthorizationIr(false, false, "p.", List.of())), any)).isFalse();
    assertThat(RbacEvaluator.allowed(RbacPolicies.rules(new AuthorizationIr(true, false, "p.", List.of())), any)).isTrue();
  }

  @Test
  void pathPrefix_matchesWholeSegments_andInvertNegates() {
    AuthorizationIr ir = new AuthorizationIr(false, false, "p.", List.of(rule("r", true, List.of(),
        new PathMatchIr(PathMatchIr.Type.PATH_PREFIX, "/admin"), false, List.of(), List.of(), null, null)));
    RBAC rbac = RbacPolicies.rules(ir);
    assertThat(allowed(rbac, "/admin")).isTrue();
    assertThat(allowed(rbac, "/admin/x")).isTrue();
    assertThat(allowed(rbac, "/adminx")).isFalse();
    RBAC inverted = RbacPolicies.rules(new AuthorizationIr(false, false, "p.", List.of(rule("r", true, List.of(),
        new PathMatchIr(PathMatchIr.Type.PATH_PREFIX, "/admin"), true, List.of(), List.of(), null, null))));
    assertThat(allowed(inverted, "/admin/x")).isFalse();
    assertThat(allowed(inverted, "/adminx")).isTrue();
  }

  private static boolean allowed(RBAC rbac, String path) {
    return RbacEvaluator.allowed(rbac, new RbacEvaluator.Request("GET", path, "10.0.0.1", Map.of(), Map.of()));
  }

  /**
   * The property the translation exists for: for random rule lists and every request of a small
   * domain, Envoy's single-action RBAC decides exactly as "the first matching rule wins, else the
   * default". Under a default Deny, expressions that fail to evaluate (a missing header) may only
   * ever make the answer stricter.
   */
  @Test
  void randomRuleLists_decideAsTheFirstMatchingRule() {
    Random random = new Random(17);
    List<RbacEvaluator.Request> requests = requests();
    int compared = 0;
    for (int run = 0; run < 400; run++) {
      boolean allowByDefault = random.nextBoolean();
      List<AuthorizationIr.Rule> rules = new ArrayList<>();
      int count = 1 + random.nextInt(5);
      for (int i = 0; i < count; i++) {
        boolean allow = random.nextBoolean();
        // Under a default Allow the translator refuses Allow rules with an expression before a Deny rule.
        boolean celAllowed = !(allowByDefault && allow);
        rules.add(randomRule("r" + i, allow, celAllowed, random));
      }
      AuthorizationIr ir = new AuthorizationIr(allowByDefault, false, "p.", rules);
      RBAC rbac = RbacPolicies.rules(ir);
      assertThat((long) rbac.getPoliciesCount()).isEqualTo(ir.policyCount());
      for (RbacEvaluator.Request request : requests) {
        Decision expected = firstMatch(ir, request);
        boolean actual = RbacEvaluator.allowed(rbac, request);
        if (expected.errored && !allowByDefault) {
          assertThat(!actual || expected.allowed).as("%s on %s: an evaluation error must not open", rules, request).isTrue();
        } else {
          assertThat(actual).as("%s default %s on %s", rules, allowByDefault ? "Allow" : "Deny", request)
              .isEqualTo(expected.allowed);
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(100_000);
  }

  private record Decision(boolean allowed, boolean errored) {}

  private static Decision firstMatch(AuthorizationIr ir, RbacEvaluator.Request request) {
    boolean errored = false;
    for (AuthorizationIr.Rule r : ir.rules()) {
      boolean principal = RbacEvaluator.matches(RbacPolicies.principal(r), request);
      if (r.cel() != null && r.cel().contains("x-c") && !request.headers().containsKey("x-c")) {
        errored = true; // the expression fails: the rule does not match
        continue;
      }
      boolean cel = r.cel() == null || celHolds(r.cel(), request);
      if (principal && cel) {
        return new Decision(r.allow(), errored);
      }
    }
    return new Decision(ir.allowByDefault(), errored);
  }

  private static final List<String> EXPRESSIONS =
      List.of("request.method == 'GET'", "source.address == '10.1.2.3'", "request.headers['x-c'] == 'v'");

  private static boolean celHolds(String cel, RbacEvaluator.Request r) {
    return switch (EXPRESSIONS.indexOf(cel)) {
      case 0 -> r.method().equals("GET");
      case 1 -> r.remoteIp().equals("10.1.2.3");
      case 2 -> "v".equals(r.headers().get("x-c"));
      default -> throw new IllegalArgumentException(cel);
    };
  }

  private static AuthorizationIr.Rule randomRule(String name, boolean allow, boolean celAllowed, Random random) {
    List<String> methods = random.nextInt(3) == 0 ? List.of(random.nextBoolean() ? "GET" : "POST") : List.of();
    PathMatchIr path = switch (random.nextInt(5)) {
      case 0 -> new PathMatchIr(PathMatchIr.Type.PATH_PREFIX, "/admin");
      case 1 -> new PathMatchIr(PathMatchIr.Type.EXACT, "/admin");
      case 2 -> new PathMatchIr(PathMatchIr.Type.REGEX, "/admin/.*");
      default -> null;
    };
    boolean invert = path != null && random.nextInt(3) == 0;
    List<AuthorizationIr.Cidr> cidrs = switch (random.nextInt(4)) {
      case 0 -> List.of(new AuthorizationIr.Cidr("10.0.0.0", 8));
      case 1 -> List.of(new AuthorizationIr.Cidr("2001:db8::", 32), new AuthorizationIr.Cidr("192.168.0.0", 16));
      default -> List.of();
    };
    List<AuthorizationIr.Header> headers = random.nextInt(3) == 0
        ? List.of(new AuthorizationIr.Header("x-a", random.nextBoolean() ? List.of("1") : List.of("1", "2"))) : List.of();
    AuthorizationIr.Jwt jwt = random.nextInt(4) == 0 ? ADMINS : null;
    String cel = celAllowed && random.nextInt(3) == 0 ? EXPRESSIONS.get(random.nextInt(EXPRESSIONS.size())) : null;
    AuthorizationIr.Rule r = rule(name, allow, methods, path, invert, cidrs, headers, jwt, cel);
    return r.hasPrincipal() || cel != null ? r
        : rule(name, allow, List.of(), null, false, List.of(new AuthorizationIr.Cidr("0.0.0.0", 0)), List.of(), null, null);
  }

  private static List<RbacEvaluator.Request> requests() {
    List<RbacEvaluator.Request> out = new ArrayList<>();
    List<Map<String, Object>> claims = List.of(Map.of(), Map.of("corp", Map.of("groups", List.of("admin"))),
        Map.of("corp", Map.of("groups", List.of("user"))));
    for (String method : List.of("GET", "POST")) {
      for (String path : List.of("/admin", "/admin/x", "/adminx", "/p")) {
        for (String ip : List.of("10.1.2.3", "192.168.1.1", "2001:db8::1")) {
          for (String a : new String[] {null, "1", "2"}) {
            for (String c : new String[] {null, "v"}) {
              for (Map<String, Object> claim : claims) {
                Map<String, String> headers = new HashMap<>();
                if (a != null) {
                  headers.put("x-a", a);
                }
                if (c != null) {
                  headers.put("x-c", c);
                }
                out.add(new RbacEvaluator.Request(method, path, ip, headers, claim));
              }
            }
          }
        }
      }
    }
    return out;
  }
}

package dev.tollgate.review.routes;

import com.google.protobuf.Any;
import dev.tollgate.review.envoy.HttpRequest;
import dev.tollgate.review.envoy.PerFilterConfigs;
import dev.tollgate.review.envoy.RbacEvaluation;
import dev.tollgate.review.envoy.Tri;
import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBACPerRoute;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.Locale;

/**
 * RBAC on a route: a per-route {@code rbac} replaces the filter's rules, a per-route entry without
 * one turns them off. Enforced rules protect; shadow rules are only counted.
 */
final class RbacReading {

  private RbacReading() {}

  /** The policy behind the rules, from the stat prefix Tollgate gives them: {@code securitypolicy.<ns>.<name>.}. */
  static java.util.Optional<String> policyOf(String statPrefix) {
    String p = "securitypolicy.";
    if (!statPrefix.startsWith(p) || !statPrefix.endsWith(".")) {
      return java.util.Optional.empty();
    }
    String rest = statPrefix.substring(p.length(), statPrefix.length() - 1);
    int dot = rest.indexOf('.'); // a namespace has no dots; a name may
    return dot <= 0 || dot == rest.length() - 1 ? java.util.Optional.empty()
        : java.util.Optional.of("SecurityPolicy " + rest.substring(0, dot) + "/" + rest.substring(dot + 1));
  }

  static void read(StepBuilder step, HttpFilter f, Any perRoute, HttpRequest request) {
    RBAC rbac = PerFilterConfigs.unpack(f.getTypedConfig(), RBAC.class);
    if (perRoute != null && perRoute.is(RBACPerRoute.class)) {
      RBACPerRoute pr = PerFilterConfigs.unpack(perRoute, RBACPerRoute.class);
      if (!pr.hasRbac()) {
        step.off("turned off on this route (per-route config without rules)");
        return;
      }
      rbac = pr.getRbac();
    }
    policyOf(rbac.getRules().getPoliciesCount() > 0 ? rbac.getRulesStatPrefix() : rbac.getShadowRulesStatPrefix())
        .ifPresent(step.from::add);
    if (rbac.hasMatcher() || rbac.hasShadowMatcher()) {
      step.protects(Protection.RBAC, true).detail("rules as a matcher tree, which explain does not evaluate");
      if (request != null) {
        step.decision = FilterStep.Decision.unknown("matcher-based rules");
      }
      return;
    }
    if (rbac.hasRules()) {
      var rules = rbac.getRules();
      step.protects(Protection.RBAC, true);
      step.detail(rules.getAction().name() + " when a policy matches (" + rules.getPoliciesCount() + " "
          + (rules.getPoliciesCount() == 1 ? "policy" : "policies") + ": " + String.join(", ", rules.getPoliciesMap().keySet().stream().sorted().toList()) + ")"
          + (rules.getAction() == io.envoyproxy.envoy.config.rbac.v3.RBAC.Action.ALLOW ? "; otherwise 403" : ""));
      if (request != null) {
        RbacEvaluation.Result r = RbacEvaluation.evaluate(rules, request);
        r.policies().forEach((name, m) -> step.detail("policy " + name + ": " + m.name().toLowerCase(Locale.ROOT).replace("true", "matches")
            .replace("false", "does not match").replace("unknown", "undecided here")));
        step.decision = r.allowed() == Tri.TRUE ? FilterStep.Decision.allowed("by the rules")
            : r.allowed() == Tri.FALSE ? FilterStep.Decision.denied(403, "by the rules")
            : FilterStep.Decision.unknown("the rules depend on what explain cannot see (a CEL condition, the client address or the token's claims)");
      }
    }
    if (rbac.hasShadowRules()) {
      step.detail("shadow rules (" + rbac.getShadowRules().getPoliciesCount() + " policies): evaluated and counted, never enforced");
      if (!rbac.hasRules() && request != null) {
        step.decision = FilterStep.Decision.allowed("shadow rules only");
      }
    }
    if (!rbac.hasRules() && !rbac.hasShadowRules()) {
      step.detail("no rules: lets every request through");
    }
  }
}

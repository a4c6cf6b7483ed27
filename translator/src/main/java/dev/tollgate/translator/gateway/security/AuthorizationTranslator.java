package dev.tollgate.translator.gateway.security;

import dev.tollgate.translator.gateway.policy.PolicyProblems;
import com.google.common.net.InetAddresses;
import dev.tollgate.translator.envoycel.EnvoyCel;
import dev.tollgate.translator.gateway.HttpSyntax;
import dev.tollgate.translator.gateway.PathMatches;
import dev.tollgate.translator.ir.AuthorizationIr;
import dev.tollgate.translator.ir.PathMatchIr;
import dev.tollgate.translator.model.envoygateway.AuthorizationSpec;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Translates {@code spec.authorization}. Everything a rule says must be honoured exactly or the
 * policy is refused: an invalid CIDR, a claim of a provider the policy does not define, an
 * expression that does not type-check over Envoy's attributes. A rule silently dropped would
 * change what the first-match order lets through.
 */
final class AuthorizationTranslator {

  private static final String FIELD = "spec.authorization";
  /** Rules become at most this many Envoy policies (see {@link AuthorizationIr#policyCount()}). */
  static final int MAX_POLICIES = 64;
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  /**
   * @param providers the names of the policy's JWT providers
   * @param statPrefix prefixes the statistics the rules emit
   */
  AuthorizationIr translate(AuthorizationSpec spec, Set<String> providers, String statPrefix, PolicyProblems problems) {
    boolean allowByDefault = action(spec.defaultAction(), FIELD + ".defaultAction", "Deny", problems);
    List<AuthorizationIr.Rule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < spec.rules().size(); i++) {
      String field = FIELD + ".rules[" + i + "]";
      AuthorizationSpec.Rule rule = spec.rules().get(i);
      if (rule == null) {
        problems.add(field, "is required");
        continue;
      }
      String name = rule.name() == null ? "rule-" + i : rule.name();
      if (!names.add(name)) {
        problems.add(field + ".name", "\"" + name + "\" names an earlier rule too; rule names must be unique");
      }
      rules.add(rule(rule, name, field, providers, problems));
    }
    if (allowByDefault) {
      refuseNegatedExpressions(rules, problems);
    }
    AuthorizationIr ir = new AuthorizationIr(allowByDefault, Boolean.TRUE.equals(spec.shadow()), statPrefix, rules);
    long policies = ir.policyCount();
    if (policies > MAX_POLICIES) {
      problems.add(FIELD + ".rules", "would become " + policies + " Envoy policies (at most " + MAX_POLICIES
          + "): each earlier rule of the other action with both a principal and a cel expression doubles them");
    }
    return ir;
  }

  private AuthorizationIr.Rule rule(AuthorizationSpec.Rule rule, String name, String field, Set<String> providers,
      PolicyProblems problems) {
    if (rule.action() == null) {
      problems.add(field + ".action", "is required");
    }
    boolean allow = action(rule.action(), field + ".action", "Deny", problems);
    List<String> methods = new ArrayList<>();
    PathMatchIr path = null;
    boolean invert = false;
    if (rule.operation() != null) {
      for (int m = 0; m < rule.operation().methods().size(); m++) {
        String method = rule.operation().methods().get(m);
        if (!METHODS.contains(method)) {
          problems.add(field + ".operation.methods[" + m + "]", "\"" + method + "\" is not one of " + new java.util.TreeSet<>(METHODS));
        }
        methods.add(method);
      }
      if (rule.operation().path() != null) {
        var p = rule.operation().path();
        path = PathMatches.read(p.type(), p.value(), field + ".operation.path", problems::add);
        invert = Boolean.TRUE.equals(rule.operation().path().invert());
      }
      if (methods.isEmpty() && path == null) {
        problems.add(field + ".operation", "needs methods or a path");
      }
    }
    List<AuthorizationIr.Cidr> cidrs = new ArrayList<>();
    List<AuthorizationIr.Header> headers = new ArrayList<>();
    AuthorizationIr.Jwt jwt = null;
    AuthorizationSpec.Principal principal = rule.principal();
    if (principal != null) {
      String pf = field + ".principal";
      for (int c = 0; c < principal.clientCIDRs().size(); c++) {
        AuthorizationIr.Cidr cidr = cidr(principal.clientCIDRs().get(c), pf + ".clientCIDRs[" + c + "]", problems);
        if (cidr != null) {
          cidrs.add(cidr);
        }
      }
      for (int h = 0; h < principal.headers().size(); h++) {
        headers.add(header(principal.headers().get(h), pf + ".headers[" + h + "]", problems));
      }
      if (principal.jwt() != null) {
        jwt = jwt(principal.jwt(), pf + ".jwt", providers, problems);
      }
      if (principal.clientIPGeoLocations() != null && !principal.clientIPGeoLocations().isNull()) {
        problems.add(pf + ".clientIPGeoLocations", "is not supported by Tollgate");
      }
      if (principal.clientCIDRs().isEmpty() && principal.headers().isEmpty() && principal.jwt() == null
          && principal.clientIPGeoLocations() == null) {
        problems.add(pf, "needs clientCIDRs, jwt or headers");
      }
    }
    if (rule.cel() != null) {
      EnvoyCel.Result checked = EnvoyCel.check(rule.cel());
      if (!checked.ok()) {
        problems.add(field + ".cel", "\"" + rule.cel() + "\" is not a valid expression over Envoy's attributes: " + checked.problem());
      }
    } else if (principal == null) {
      problems.add(field, "needs a principal or a cel expression");
    }
    return new AuthorizationIr.Rule(name, allow, methods, path, invert, cidrs, headers, jwt, rule.cel());
  }

  /**
   * Under a default Allow, a Deny rule applies only when no earlier Allow rule matched, so Envoy
   * gets the earlier rules' expressions negated. Envoy treats an expression that fails to evaluate
   * (a header read with [] that the request lacks) as no match, and its negation fails too: the
   * Deny rule would then not apply although the Allow rule did not match, letting the request
   * through. Such policies are refused rather than enforced open.
   */
  private static void refuseNegatedExpressions(List<AuthorizationIr.Rule> rules, PolicyProblems problems) {
    for (int i = 0; i < rules.size(); i++) {
      AuthorizationIr.Rule earlier = rules.get(i);
      if (!earlier.allow() || earlier.cel() == null) {
        continue;
      }
      for (int j = i + 1; j < rules.size(); j++) {
        if (!rules.get(j).allow()) {
          problems.add(FIELD + ".rules[" + i + "].cel", "an Allow rule with an expression cannot come before a Deny rule (rules["
              + j + "]) under defaultAction Allow: when the expression fails to evaluate Envoy would skip the Deny rule too;"
              + " write the exception into the Deny rule's own expression");
          break;
        }
      }
    }
  }

  /** True for Allow, false for Deny; {@code absent} when unset. */
  private static boolean action(String value, String field, String absent, PolicyProblems problems) {
    String v = value == null ? absent : value;
    if (!v.equals("Allow") && !v.equals("Deny")) {
      problems.add(field, "\"" + v + "\" is not one of Allow, Deny");
    }
    return v.equals("Allow");
  }

  private static AuthorizationIr.Cidr cidr(String text, String field, PolicyProblems problems) {
    int slash = text == null ? -1 : text.indexOf('/');
    String address = slash < 0 ? null : text.substring(0, slash);
    String bits = slash < 0 ? "" : text.substring(slash + 1);
    if (address == null || !InetAddresses.isInetAddress(address) || !bits.matches("[0-9]{1,3}")) {
      problems.add(field, "\"" + text + "\" is not a CIDR range such as 10.0.0.0/8 or 2001:db8::/32");
      return null;
    }
    InetAddress ip = InetAddresses.forString(address);
    int prefix = Integer.parseInt(bits);
    if (prefix > ip.getAddress().length * 8) {
      problems.add(field, "\"" + text + "\" has a prefix longer than its address");
      return null;
    }
    return new AuthorizationIr.Cidr(InetAddresses.toAddrString(ip), prefix);
  }

  private static AuthorizationIr.Header header(AuthorizationSpec.Header header, String field, PolicyProblems problems) {
    String problem = HttpSyntax.headerNameProblem(header.name());
    if (problem != null) {
      problems.add(field + ".name", problem);
    }
    if (header.values().isEmpty()) {
      problems.add(field + ".values", "needs at least one value");
    }
    for (int v = 0; v < header.values().size(); v++) {
      String valueProblem = HttpSyntax.headerValueProblem(header.values().get(v));
      if (valueProblem != null) {
        problems.add(field + ".values[" + v + "]", valueProblem);
      }
    }
    String name = header.name() == null ? "" : header.name().toLowerCase(Locale.ROOT);
    return new AuthorizationIr.Header(name, header.values());
  }

  private static AuthorizationIr.Jwt jwt(AuthorizationSpec.Jwt jwt, String field, Set<String> providers, PolicyProblems problems) {
    if (jwt.provider() == null || !providers.contains(jwt.provider())) {
      problems.add(field + ".provider", providers.isEmpty()
          ? "claims come from a verified token, but the policy has no spec.jwt to verify one"
          : "\"" + jwt.provider() + "\" is not one of the policy's JWT providers " + new java.util.TreeSet<>(providers));
    }
    if (jwt.claims().isEmpty() && jwt.scopes().isEmpty()) {
      problems.add(field, "needs claims or scopes");
    }
    List<AuthorizationIr.Claim> claims = new ArrayList<>();
    for (int c = 0; c < jwt.claims().size(); c++) {
      AuthorizationSpec.Claim claim = jwt.claims().get(c);
      String cf = field + ".claims[" + c + "]";
      String type = claim.valueType() == null ? "String" : claim.valueType();
      if (!type.equals("String") && !type.equals("StringArray")) {
        problems.add(cf + ".valueType", "\"" + type + "\" is not one of String, StringArray");
      }
      List<String> path = claim.name() == null ? List.of() : List.of(claim.name().split("\\.", -1));
      if (path.isEmpty() || path.stream().anyMatch(String::isEmpty)) {
        problems.add(cf + ".name", "\"" + claim.name() + "\" is not a claim name (dot-separated for nested claims)");
      }
      if (claim.values().isEmpty()) {
        problems.add(cf + ".values", "needs at least one value");
      }
      claims.add(new AuthorizationIr.Claim(path, type.equals("StringArray"), claim.values()));
    }
    for (int s = 0; s < jwt.scopes().size(); s++) {
      String scope = jwt.scopes().get(s);
      if (scope == null || scope.isEmpty() || scope.chars().anyMatch(Character::isWhitespace)) {
        problems.add(field + ".scopes[" + s + "]", "a scope is one word, without spaces");
      }
    }
    return new AuthorizationIr.Jwt(jwt.provider(), claims, jwt.scopes());
  }
}

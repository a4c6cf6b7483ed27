package dev.tollgate.translator.xds.filter.rbac;

import dev.tollgate.translator.gateway.Re2;
import com.google.protobuf.UInt32Value;
import com.google.api.expr.v1alpha1.Expr;
import dev.tollgate.translator.envoycel.Conditions;
import dev.tollgate.translator.envoycel.EnvoyCel;
import dev.tollgate.translator.ir.AuthorizationIr;
import dev.tollgate.translator.ir.PathMatchIr;
import dev.tollgate.translator.xds.Matchers;
import dev.tollgate.translator.xds.filter.jwt.JwtAuthnFilter;
import io.envoyproxy.envoy.config.core.v3.CidrRange;
import io.envoyproxy.envoy.config.rbac.v3.Permission;
import io.envoyproxy.envoy.config.rbac.v3.Policy;
import io.envoyproxy.envoy.config.rbac.v3.Principal;
import io.envoyproxy.envoy.config.rbac.v3.RBAC;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.type.matcher.v3.ListMatcher;
import io.envoyproxy.envoy.type.matcher.v3.MetadataMatcher;
import io.envoyproxy.envoy.type.matcher.v3.PathMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.envoyproxy.envoy.type.matcher.v3.ValueMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Ordered, first-match-wins rules as Envoy's RBAC, which has one action and matches when any
 * policy does. The action is the opposite of the default (ALLOW under a default Deny); a rule of
 * that action becomes policies matching "this rule, and none of the earlier rules of the other
 * action", which is exactly when it is the first rule to match. Rules of the default action only
 * ever appear negated, as exceptions.
 */
public final class RbacPolicies {

  private static final Principal ANY = Principal.newBuilder().setAny(true).build();
  private static final Permission ANY_PERMISSION = Permission.newBuilder().setAny(true).build();

  private RbacPolicies() {}

  public static RBAC rules(AuthorizationIr authorization) {
    RBAC.Builder rbac = RBAC.newBuilder()
        .setAction(authorization.allowByDefault() ? RBAC.Action.DENY : RBAC.Action.ALLOW);
    List<AuthorizationIr.Rule> rules = authorization.rules();
    for (int i = 0; i < rules.size(); i++) {
      AuthorizationIr.Rule rule = rules.get(i);
      if (rule.allow() == authorization.allowByDefault()) {
        continue;
      }
      List<Alternative> alternatives = List.of(new Alternative(List.of(principal(rule)), cel(rule)));
      for (AuthorizationIr.Rule earlier : rules.subList(0, i)) {
        if (earlier.allow() == authorization.allowByDefault()) {
          alternatives = excluding(alternatives, earlier);
        }
      }
      for (int a = 0; a < alternatives.size(); a++) {
        String name = alternatives.size() == 1 ? rule.name() : rule.name() + "/" + a;
        rbac.putPolicies(name, alternatives.get(a).policy());
      }
    }
    return rbac.build();
  }

  /** Principals that must all match, and expressions that must all be true. */
  private record Alternative(List<Principal> principals, List<Expr> conditions) {
    Alternative and(Principal p) {
      List<Principal> more = new ArrayList<>(principals);
      more.add(p);
      return new Alternative(more, conditions);
    }

    Alternative and(Expr condition) {
      List<Expr> more = new ArrayList<>(conditions);
      more.add(condition);
      return new Alternative(principals, more);
    }

    Policy policy() {
      Policy.Builder p = Policy.newBuilder().addPermissions(ANY_PERMISSION).addPrincipals(flatAnd(principals));
      if (!conditions.isEmpty()) {
        p.setCondition(Conditions.and(conditions));
      }
      return p.build();
    }
  }

  /**
   * Each alternative, and not the earlier rule. Not (principal and expression) is (not principal)
   * or (not expression): an alternative for each, as a principal cannot hold an expression.
   */
  private static List<Alternative> excluding(List<Alternative> alternatives, AuthorizationIr.Rule earlier) {
    List<Alternative> out = new ArrayList<>();
    for (Alternative alt : alternatives) {
      if (earlier.hasPrincipal() || earlier.cel() == null) {
        out.add(alt.and(Principal.newBuilder().setNotId(principal(earlier)).build()));
      }
      if (earlier.cel() != null) {
        out.add(alt.and(Conditions.not(expr(earlier))));
      }
    }
    return out;
  }

  private static List<Expr> cel(AuthorizationIr.Rule rule) {
    return rule.cel() == null ? List.of() : List.of(expr(rule));
  }

  /** The rule's expression in Envoy's form; it was checked when the policy was translated. */
  private static Expr expr(AuthorizationIr.Rule rule) {
    EnvoyCel.Result checked = EnvoyCel.check(rule.cel());
    if (!checked.ok()) {
      throw new IllegalStateException("authorization expression of rule " + rule.name() + " was not checked: " + checked.problem());
    }
    return checked.expr();
  }

  /** Everything the rule says about the request but its expression: each part must match. */
  static Principal principal(AuthorizationIr.Rule rule) {
    List<Principal> parts = new ArrayList<>();
    if (!rule.methods().isEmpty()) {
      parts.add(or(rule.methods().stream().map(m -> header(":method", m)).toList()));
    }
    if (rule.path() != null) {
      Principal path = path(rule.path());
      parts.add(rule.invertPath() ? Principal.newBuilder().setNotId(path).build() : path);
    }
    if (!rule.clientCidrs().isEmpty()) {
      parts.add(or(rule.clientCidrs().stream().map(c -> Principal.newBuilder().setRemoteIp(CidrRange.newBuilder()
          .setAddressPrefix(c.address()).setPrefixLen(UInt32Value.of(c.prefixLength()))).build()).toList()));
    }
    for (AuthorizationIr.Header h : rule.headers()) {
      parts.add(or(h.values().stream().map(v -> header(h.name(), v)).toList()));
    }
    if (rule.jwt() != null) {
      parts.addAll(jwt(rule.jwt()));
    }
    if (parts.isEmpty()) {
      return ANY;
    }
    return parts.size() == 1 ? parts.get(0) : and(parts);
  }

  /** The path without its query; a path prefix matches whole segments, as Gateway API's does. */
  private static Principal path(PathMatchIr path) {
    return switch (path.type()) {
      case EXACT -> urlPath(Matchers.exact(path.value()));
      case REGEX -> urlPath(Matchers.regex(path.value()));
      case PREFIX -> urlPath(Matchers.prefix(path.value()));
      case PATH_PREFIX -> path.value().equals("/")
          ? urlPath(Matchers.prefix("/"))
          : or(List.of(urlPath(Matchers.exact(path.value())),
              urlPath(Matchers.prefix(path.value() + "/"))));
    };
  }

  private static Principal urlPath(StringMatcher m) {
    return Principal.newBuilder().setUrlPath(PathMatcher.newBuilder().setPath(m)).build();
  }

  /**
   * Claims as JWT authentication stored the verified payload (filter metadata under the
   * provider's name), never a request header a client could set.
   */
  private static List<Principal> jwt(AuthorizationIr.Jwt jwt) {
    List<Principal> parts = new ArrayList<>();
    for (AuthorizationIr.Claim claim : jwt.claims()) {
      parts.add(or(claim.values().stream().map(v -> {
        ValueMatcher exact = ValueMatcher.newBuilder().setStringMatch(Matchers.exact(v)).build();
        return claim(jwt.provider(), claim.path(), claim.array()
            ? ValueMatcher.newBuilder().setListMatch(ListMatcher.newBuilder().setOneOf(exact)).build()
            : exact);
      }).toList()));
    }
    for (String scope : jwt.scopes()) {
      // RFC 6749's space-separated "scope" string; some issuers send a "scp" list instead.
      parts.add(or(List.of(
          claim(jwt.provider(), List.of("scope"), ValueMatcher.newBuilder()
              .setStringMatch(Matchers.regex("(^|.* )" + Re2.quote(scope) + "( .*|$)")).build()),
          claim(jwt.provider(), List.of("scp"), ValueMatcher.newBuilder().setListMatch(ListMatcher.newBuilder()
              .setOneOf(ValueMatcher.newBuilder().setStringMatch(Matchers.exact(scope)))).build()))));
    }
    return parts;
  }

  private static Principal claim(String provider, List<String> path, ValueMatcher value) {
    MetadataMatcher.Builder m = MetadataMatcher.newBuilder().setFilter(JwtAuthnFilter.NAME)
        .addPath(MetadataMatcher.PathSegment.newBuilder().setKey(provider));
    path.forEach(key -> m.addPath(MetadataMatcher.PathSegment.newBuilder().setKey(key)));
    return Principal.newBuilder().setMetadata(m.setValue(value)).build();
  }

  private static Principal header(String name, String value) {
    return Principal.newBuilder().setHeader(HeaderMatcher.newBuilder().setName(name)
        .setStringMatch(Matchers.exact(value))).build();
  }

  private static Principal or(List<Principal> ids) {
    return ids.size() == 1 ? ids.get(0)
        : Principal.newBuilder().setOrIds(Principal.Set.newBuilder().addAllIds(ids)).build();
  }

  /** The conjunction, with nested conjunctions inlined and "any" dropped where something else constrains. */
  private static Principal flatAnd(List<Principal> principals) {
    List<Principal> ids = new ArrayList<>();
    for (Principal p : principals) {
      if (p.hasAndIds()) {
        ids.addAll(p.getAndIds().getIdsList());
      } else if (!p.getAny()) {
        ids.add(p);
      }
    }
    if (ids.isEmpty()) {
      return ANY;
    }
    return ids.size() == 1 ? ids.get(0) : and(ids);
  }

  private static Principal and(List<Principal> ids) {
    return Principal.newBuilder().setAndIds(Principal.Set.newBuilder().addAllIds(ids)).build();
  }
}

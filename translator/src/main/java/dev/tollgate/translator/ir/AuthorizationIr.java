package dev.tollgate.translator.ir;

import java.util.List;

/**
 * Authorization rules of one SecurityPolicy, in the order the policy lists them: the first rule
 * that matches a request decides, a request no rule matches gets the default.
 *
 * @param allowByDefault what happens to a request no rule matches
 * @param shadow the rules are evaluated and reported, never enforced
 * @param statPrefix prefixes the statistics and dynamic metadata the rules emit
 */
public record AuthorizationIr(boolean allowByDefault, boolean shadow, String statPrefix, List<Rule> rules) {

  public AuthorizationIr {
    rules = List.copyOf(rules);
  }

  /**
   * One rule; a request matches when every part that is set matches.
   *
   * @param methods any of these, or any method when empty
   * @param path the request path without its query, or null for any
   * @param clientCidrs the client address is in one of these, or any when empty
   * @param headers each header has one of its values
   * @param jwt claims of a verified token, or null
   * @param cel an expression over Envoy's request attributes that must be true, or null
   */
  public record Rule(
      String name,
      boolean allow,
      List<String> methods,
      PathMatchIr path,
      boolean invertPath,
      List<Cidr> clientCidrs,
      List<Header> headers,
      Jwt jwt,
      String cel) {
    public Rule {
      methods = List.copyOf(methods);
      clientCidrs = List.copyOf(clientCidrs);
      headers = List.copyOf(headers);
    }

    /** True when the rule constrains more than its CEL expression. */
    public boolean hasPrincipal() {
      return !methods.isEmpty() || path != null || !clientCidrs.isEmpty() || !headers.isEmpty() || jwt != null;
    }
  }

  public record Cidr(String address, int prefixLength) {}

  public record Header(String name, List<String> values) {
    public Header {
      values = List.copyOf(values);
    }
  }

  /**
   * @param provider the name the token's payload is stored under by JWT authentication
   * @param scopes each must be one of the token's scopes
   */
  public record Jwt(String provider, List<Claim> claims, List<String> scopes) {
    public Jwt {
      claims = List.copyOf(claims);
      scopes = List.copyOf(scopes);
    }
  }

  /**
   * @param path the claim's name split at dots (nested claims)
   * @param array the claim is a list, which must contain one of the values; else it equals one
   */
  public record Claim(List<String> path, boolean array, List<String> values) {
    public Claim {
      path = List.copyOf(path);
      values = List.copyOf(values);
    }
  }

  /**
   * How many Envoy policies the rules become. A rule's exceptions (the earlier rules of the other
   * action) are negated; negating a rule with both a principal and an expression takes two
   * alternatives, so the count doubles with each of them.
   */
  public long policyCount() {
    final long SATURATED = 1L << 40; // far above any limit, so the count cannot overflow
    long total = 0;
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      if (r.allow() == allowByDefault) {
        continue;
      }
      long alternatives = 1;
      for (int j = 0; j < i; j++) {
        Rule earlier = rules.get(j);
        if (earlier.allow() == allowByDefault && earlier.hasPrincipal() && earlier.cel() != null) {
          alternatives = Math.min(alternatives * 2, SATURATED);
        }
      }
      total = Math.min(total + alternatives, SATURATED);
    }
    return total;
  }
}

package dev.tollgate.review.envoy;

import com.fasterxml.jackson.databind.JsonNode;
import io.envoyproxy.envoy.config.core.v3.CidrRange;
import io.envoyproxy.envoy.config.rbac.v3.Permission;
import io.envoyproxy.envoy.config.rbac.v3.Policy;
import io.envoyproxy.envoy.config.rbac.v3.Principal;
import io.envoyproxy.envoy.config.rbac.v3.RBAC;
import io.envoyproxy.envoy.type.matcher.v3.ListMatcher;
import io.envoyproxy.envoy.type.matcher.v3.MetadataMatcher;
import io.envoyproxy.envoy.type.matcher.v3.ValueMatcher;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Envoy's RBAC decision for a request, where the request decides it: a policy matches when one
 * permission and one principal match and its condition holds; an ALLOW rule set lets through a
 * request some policy matches, a DENY one stops it. Principals on the downstream address need
 * {@code --source}; on JWT metadata, the claims; a CEL condition, TLS identity or filter state
 * leave a policy undecided, never guessed.
 */
public final class RbacEvaluation {

  private RbacEvaluation() {}

  /** The rules' verdict (TRUE: the request passes) and each policy's match, by name. */
  public record Result(Tri allowed, Map<String, Tri> policies) {}

  public static Result evaluate(RBAC rules, HttpRequest request) {
    Map<String, Tri> policies = new TreeMap<>();
    Tri any = Tri.FALSE;
    for (Map.Entry<String, Policy> e : rules.getPoliciesMap().entrySet()) {
      Tri m = policy(e.getValue(), request);
      policies.put(e.getKey(), m);
      any = any.or(m);
    }
    Tri allowed = switch (rules.getAction()) {
      case ALLOW -> any;
      case DENY -> any.not();
      default -> Tri.TRUE; // LOG never denies
    };
    return new Result(allowed, policies);
  }

  static Tri policy(Policy p, HttpRequest request) {
    Tri perm = Tri.FALSE;
    for (Permission x : p.getPermissionsList()) {
      perm = perm.or(permission(x, request));
    }
    Tri principal = Tri.FALSE;
    for (Principal x : p.getPrincipalsList()) {
      principal = principal.or(principal(x, request));
    }
    Tri condition = p.hasCondition() || p.hasCheckedCondition() ? Tri.UNKNOWN : Tri.TRUE;
    return perm.and(principal).and(condition);
  }

  static Tri permission(Permission p, HttpRequest request) {
    return switch (p.getRuleCase()) {
      case ANY -> Tri.of(p.getAny());
      case AND_RULES -> all(p.getAndRules().getRulesList().stream().map(r -> permission(r, request)).toList());
      case OR_RULES -> some(p.getOrRules().getRulesList().stream().map(r -> permission(r, request)).toList());
      case NOT_RULE -> permission(p.getNotRule(), request).not();
      case HEADER -> Tri.of(HeaderMatching.matches(p.getHeader(), request));
      case URL_PATH -> Tri.of(StringMatching.matches(p.getUrlPath().getPath(), request.pathOnly()));
      case DESTINATION_PORT -> Tri.of(p.getDestinationPort() == request.port());
      default -> Tri.UNKNOWN;
    };
  }

  static Tri principal(Principal p, HttpRequest request) {
    return switch (p.getIdentifierCase()) {
      case ANY -> Tri.of(p.getAny());
      case AND_IDS -> all(p.getAndIds().getIdsList().stream().map(r -> principal(r, request)).toList());
      case OR_IDS -> some(p.getOrIds().getIdsList().stream().map(r -> principal(r, request)).toList());
      case NOT_ID -> principal(p.getNotId(), request).not();
      case HEADER -> Tri.of(HeaderMatching.matches(p.getHeader(), request));
      case URL_PATH -> Tri.of(StringMatching.matches(p.getUrlPath().getPath(), request.pathOnly()));
      case REMOTE_IP -> address(p.getRemoteIp(), request);
      case DIRECT_REMOTE_IP -> address(p.getDirectRemoteIp(), request);
      case SOURCE_IP -> address(p.getSourceIp(), request);
      case METADATA -> metadata(p.getMetadata(), request);
      default -> Tri.UNKNOWN;
    };
  }

  private static Tri all(List<Tri> parts) {
    Tri t = Tri.TRUE;
    for (Tri p : parts) {
      t = t.and(p);
    }
    return t;
  }

  private static Tri some(List<Tri> parts) {
    Tri t = Tri.FALSE;
    for (Tri p : parts) {
      t = t.or(p);
    }
    return t;
  }

  private static Tri address(CidrRange range, HttpRequest request) {
    if (request.sourceAddress() == null) {
      return Tri.UNKNOWN;
    }
    return Tri.of(inRange(request.sourceAddress(), range.getAddressPrefix(), range.getPrefixLen().getValue()));
  }

  static boolean inRange(String address, String prefix, int bits) {
    try {
      byte[] a = InetAddress.getByName(address).getAddress();
      byte[] p = InetAddress.getByName(prefix).getAddress();
      if (a.length != p.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((a[i / 8] & mask) != (p[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * JWT authentication's metadata: the verified payload under the provider's
   * {@code payload_in_metadata} key, read here from {@code --jwt-claims} whatever the key.
   */
  private static Tri metadata(MetadataMatcher m, HttpRequest request) {
    if (!m.getFilter().equals("envoy.filters.http.jwt_authn") || m.getPathCount() == 0) {
      return Tri.UNKNOWN;
    }
    if (request.jwtClaims() == null) {
      return Tri.UNKNOWN;
    }
    JsonNode node = request.jwtClaims();
    for (int i = 1; i < m.getPathCount() && node != null; i++) {
      node = node.get(m.getPath(i).getKey());
    }
    Tri matched = node == null || node.isMissingNode() ? Tri.of(false) : value(m.getValue(), node);
    return m.getInvert() ? matched.not() : matched;
  }

  private static Tri value(ValueMatcher v, JsonNode node) {
    return switch (v.getMatchPatternCase()) {
      case STRING_MATCH -> Tri.of(node.isTextual() && StringMatching.matches(v.getStringMatch(), node.asText()));
      case BOOL_MATCH -> Tri.of(node.isBoolean() && node.asBoolean() == v.getBoolMatch());
      case PRESENT_MATCH -> Tri.of(v.getPresentMatch());
      case NULL_MATCH -> Tri.of(node.isNull());
      case DOUBLE_MATCH -> Tri.of(node.isNumber() && node.asDouble() == v.getDoubleMatch().getExact());
      case LIST_MATCH -> list(v.getListMatch(), node);
      default -> Tri.UNKNOWN;
    };
  }

  private static Tri list(ListMatcher l, JsonNode node) {
    if (!node.isArray()) {
      return Tri.FALSE;
    }
    List<Tri> each = new ArrayList<>();
    node.forEach(e -> each.add(value(l.getOneOf(), e)));
    return some(each);
  }
}

package dev.tollgate.review.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Any;
import dev.tollgate.review.envoy.HttpRequest;
import dev.tollgate.review.envoy.PerFilterConfigs;
import dev.tollgate.review.envoy.RouteMatching;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtHeader;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtProvider;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtRequirement;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.PerRouteConfig;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.RequirementRule;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * JWT authentication on a route: the requirement its per-route {@code requirement_name} names, or
 * else the first of the filter's {@code rules} whose match holds; no requirement, nothing checked.
 * A requirement is fail-closed when a request without a token cannot satisfy it.
 */
final class JwtReading {

  private JwtReading() {}

  static void read(StepBuilder step, HttpFilter f, Any perRoute, GatewayConfig config, RouteContext ctx, HttpRequest request) {
    if (!step.runs) {
      return;
    }
    JwtAuthentication jwt = PerFilterConfigs.unpack(f.getTypedConfig(), JwtAuthentication.class);
    JwtRequirement requirement = null;
    if (perRoute != null && perRoute.is(PerRouteConfig.class)) {
      PerRouteConfig pr = PerFilterConfigs.unpack(perRoute, PerRouteConfig.class);
      if (pr.getDisabled()) {
        step.off("disabled on this route");
        return;
      }
      requirement = jwt.getRequirementMapMap().get(pr.getRequirementName());
      if (requirement == null) {
        step.detail("names requirement " + pr.getRequirementName() + ", which the filter does not have: Envoy rejects the route");
        return;
      }
      step.reason = "requirement " + pr.getRequirementName() + " on this route";
      NameSources.of(pr.getRequirementName()).ifPresent(k -> step.from.add(k.toString()));
    } else {
      for (RequirementRule rule : jwt.getRulesList()) {
        if (request == null) {
          if (rule.getMatch().equals(ctx.route().getMatch())) {
            requirement = requirement(jwt, rule);
            break;
          }
          continue;
        }
        if (RouteMatching.mismatch(rule.getMatch(), request).isEmpty()) {
          requirement = requirement(jwt, rule);
          step.reason = "rule " + RouteMatching.describe(rule.getMatch()) + " matches the request";
          break;
        }
      }
    }
    if (requirement == null) {
      // In the chain, but with no requirement it passes every request on untouched: it does not act.
      step.off("no requirement for this route: tokens are neither required nor checked");
      return;
    }
    boolean strict = strict(requirement);
    step.protects(Protection.JWT, strict);
    step.detail("requires " + describe(requirement));
    for (String name : providers(requirement, jwt)) {
      JwtProvider p = jwt.getProvidersMap().get(name);
      if (p != null) {
        step.detail(provider(name, p));
        if (p.hasRemoteJwks()) { // the key set's cluster is the policy's: it names the provider's source
          config.sources(XdsType.CLUSTER, p.getRemoteJwks().getHttpUri().getCluster()).forEach(k -> step.from.add(k.toString()));
        }
      }
    }
    if (request != null) {
      step.decision = decide(jwt, requirement, request);
    }
  }

  private static JwtRequirement requirement(JwtAuthentication jwt, RequirementRule rule) {
    return rule.hasRequires() ? rule.getRequires() : jwt.getRequirementMapMap().get(rule.getRequirementName());
  }

  /** Whether a request without a token is refused. */
  static boolean strict(JwtRequirement r) {
    return switch (r.getRequiresTypeCase()) {
      case PROVIDER_NAME, PROVIDER_AND_AUDIENCES -> true;
      case REQUIRES_ANY -> r.getRequiresAny().getRequirementsList().stream().allMatch(JwtReading::strict);
      case REQUIRES_ALL -> r.getRequiresAll().getRequirementsList().stream().anyMatch(JwtReading::strict);
      default -> false; // allow_missing, allow_missing_or_failed, nothing
    };
  }

  static String describe(JwtRequirement r) {
    return switch (r.getRequiresTypeCase()) {
      case PROVIDER_NAME -> "a valid token from provider " + r.getProviderName();
      case PROVIDER_AND_AUDIENCES -> "a valid token from provider " + r.getProviderAndAudiences().getProviderName()
          + " for audience " + String.join(" or ", r.getProviderAndAudiences().getAudiencesList());
      case REQUIRES_ANY -> "any of (" + String.join("; ", r.getRequiresAny().getRequirementsList().stream().map(JwtReading::describe).toList()) + ")";
      case REQUIRES_ALL -> "all of (" + String.join("; ", r.getRequiresAll().getRequirementsList().stream().map(JwtReading::describe).toList()) + ")";
      case ALLOW_MISSING -> "a valid token if one is sent (a request without one passes)";
      case ALLOW_MISSING_OR_FAILED -> "nothing (missing and invalid tokens pass)";
      default -> "nothing";
    };
  }

  private static Set<String> providers(JwtRequirement r, JwtAuthentication jwt) {
    Set<String> out = new LinkedHashSet<>();
    switch (r.getRequiresTypeCase()) {
      case PROVIDER_NAME -> out.add(r.getProviderName());
      case PROVIDER_AND_AUDIENCES -> out.add(r.getProviderAndAudiences().getProviderName());
      case REQUIRES_ANY -> r.getRequiresAny().getRequirementsList().forEach(x -> out.addAll(providers(x, jwt)));
      case REQUIRES_ALL -> r.getRequiresAll().getRequirementsList().forEach(x -> out.addAll(providers(x, jwt)));
      default -> out.addAll(jwt.getProvidersMap().keySet()); // allow_missing: any provider may verify a token sent
    }
    return out;
  }

  private static String provider(String name, JwtProvider p) {
    List<String> parts = new ArrayList<>();
    parts.add("issuer " + (p.getIssuer().isEmpty() ? "(any)" : p.getIssuer()));
    if (p.getAudiencesCount() > 0) {
      parts.add("audiences " + String.join(", ", p.getAudiencesList()));
    }
    if (p.hasRemoteJwks()) {
      parts.add("JWKS " + p.getRemoteJwks().getHttpUri().getUri() + " via cluster " + p.getRemoteJwks().getHttpUri().getCluster());
    } else if (p.hasLocalJwks()) {
      parts.add("local JWKS" + (p.getLocalJwks().hasFilename() ? " " + p.getLocalJwks().getFilename() : " (inline)"));
    }
    parts.add("token from " + String.join(", ", tokenPlaces(p)));
    if (p.getClaimToHeadersCount() > 0) {
      parts.add("claims to headers " + String.join(", ", p.getClaimToHeadersList().stream()
          .map(c -> c.getClaimName() + " → " + c.getHeaderName()).toList()));
    }
    return "provider " + name + ": " + String.join("; ", parts);
  }

  private static List<String> tokenPlaces(JwtProvider p) {
    List<String> out = new ArrayList<>();
    for (JwtHeader h : p.getFromHeadersList()) {
      out.add("header " + h.getName() + (h.getValuePrefix().isEmpty() ? "" : " (" + h.getValuePrefix().strip() + ")"));
    }
    p.getFromParamsList().forEach(q -> out.add("query parameter " + q));
    p.getFromCookiesList().forEach(c -> out.add("cookie " + c));
    if (out.isEmpty()) {
      out.add("header authorization (Bearer)");
      out.add("query parameter access_token");
    }
    return out;
  }

  private static boolean carriesToken(JwtProvider p, HttpRequest request) {
    if (p.getFromHeadersCount() == 0 && p.getFromParamsCount() == 0 && p.getFromCookiesCount() == 0) {
      return request.header("authorization").map(v -> v.regionMatches(true, 0, "Bearer ", 0, 7)).orElse(false)
          || request.queryParameter("access_token").isPresent();
    }
    for (JwtHeader h : p.getFromHeadersList()) {
      if (request.header(h.getName()).map(v -> v.startsWith(h.getValuePrefix())).orElse(false)) {
        return true;
      }
    }
    for (String q : p.getFromParamsList()) {
      if (request.queryParameter(q).isPresent()) {
        return true;
      }
    }
    String cookies = request.header("cookie").orElse("");
    return p.getFromCookiesList().stream().anyMatch(c -> cookies.matches("(^|.*;\\s*)" + java.util.regex.Pattern.quote(c) + "=.*"));
  }

  /** What the filter does with the request; a token sent without {@code --jwt-claims} cannot be checked here. */
  private static FilterStep.Decision decide(JwtAuthentication jwt, JwtRequirement r, HttpRequest request) {
    JsonNode claims = request.jwtClaims();
    boolean token = claims != null || providers(r, jwt).stream().map(n -> jwt.getProvidersMap().get(n))
        .anyMatch(p -> p != null && carriesToken(p, request));
    if (!token) {
      return strict(r) ? FilterStep.Decision.denied(401, "the request carries no token")
          : FilterStep.Decision.allowed("no token, and none is required");
    }
    if (claims == null) {
      return FilterStep.Decision.unknown("a token is sent; explain cannot verify it (give --jwt-claims to take it as verified)");
    }
    return satisfied(r, jwt, claims) ? FilterStep.Decision.allowed("the token's claims satisfy the requirement")
        : FilterStep.Decision.denied(401, "the token's issuer or audience is not the provider's");
  }

  private static boolean satisfied(JwtRequirement r, JwtAuthentication jwt, JsonNode claims) {
    return switch (r.getRequiresTypeCase()) {
      case PROVIDER_NAME -> accepts(jwt.getProvidersMap().get(r.getProviderName()), claims, List.of());
      case PROVIDER_AND_AUDIENCES -> accepts(jwt.getProvidersMap().get(r.getProviderAndAudiences().getProviderName()), claims,
          r.getProviderAndAudiences().getAudiencesList());
      case REQUIRES_ANY -> r.getRequiresAny().getRequirementsList().stream().anyMatch(x -> satisfied(x, jwt, claims));
      case REQUIRES_ALL -> r.getRequiresAll().getRequirementsList().stream().allMatch(x -> satisfied(x, jwt, claims));
      case ALLOW_MISSING -> jwt.getProvidersMap().values().stream().anyMatch(p -> accepts(p, claims, List.of()));
      default -> true;
    };
  }

  private static boolean accepts(JwtProvider p, JsonNode claims, List<String> audiences) {
    if (p == null) {
      return false;
    }
    if (!p.getIssuer().isEmpty() && !p.getIssuer().equals(claims.path("iss").asText(null))) {
      return false;
    }
    List<String> wanted = audiences.isEmpty() ? p.getAudiencesList() : audiences;
    if (wanted.isEmpty()) {
      return true;
    }
    JsonNode aud = claims.path("aud");
    List<String> sent = new ArrayList<>();
    if (aud.isArray()) {
      aud.forEach(a -> sent.add(a.asText()));
    } else if (aud.isTextual()) {
      sent.add(aud.asText());
    }
    return sent.stream().anyMatch(wanted::contains);
  }
}

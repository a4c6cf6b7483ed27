package dev.tollgate.translator.ir;

import dev.tollgate.translator.model.ObjectKey;
import java.util.Map;

/**
 * The authentication and authorization a SecurityPolicy asks for on one route: CORS, JWT, API key
 * and basic authentication, authorization rules, then external authorization. Any may be null.
 *
 * @param policy the SecurityPolicy
 * @param contextExtensions what the authorization service learns about the route (its Gateway,
 *     kind, namespace, name and rule) and the policy's own context extensions
 */
public record SecurityIr(
    ObjectKey policy,
    JwtIr jwt,
    ExtAuthIr extAuth,
    Map<String, String> contextExtensions,
    CorsIr cors,
    AuthorizationIr authorization,
    ApiKeyAuthIr apiKeyAuth,
    BasicAuthIr basicAuth) {

  public SecurityIr {
    contextExtensions = contextExtensions == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(contextExtensions));
  }

  public SecurityIr withContextExtensions(Map<String, String> extensions) {
    return new SecurityIr(policy, jwt, extAuth, extensions, cors, authorization, apiKeyAuth, basicAuth);
  }

  /** The same security with JWT and external authorization reaching their services anew (after an endpoint change). */
  public SecurityIr withServices(JwtIr newJwt, ExtAuthIr newExtAuth) {
    return new SecurityIr(policy, newJwt, newExtAuth, contextExtensions, cors, authorization, apiKeyAuth, basicAuth);
  }
}

package dev.tollgate.translator.model.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One HTTPRoute (or GRPCRoute) filter; {@code type} says which of the other fields applies.
 * {@code cors} and {@code externalAuth} are kept as written: Tollgate does not implement those
 * filter types and drops a rule that uses them, which is what its status must say (not that
 * their fields were ignored).
 */
public record HttpRouteFilter(
    String type,
    HeaderModifier requestHeaderModifier,
    HeaderModifier responseHeaderModifier,
    RequestMirror requestMirror,
    RequestRedirect requestRedirect,
    UrlRewrite urlRewrite,
    LocalObjectReference extensionRef,
    JsonNode cors,
    JsonNode externalAuth) {

  public record RequestMirror(BackendObjectReference backendRef, Integer percent, Fraction fraction) {}

  public record Fraction(Integer numerator, Integer denominator) {}

  public record RequestRedirect(
      String scheme, String hostname, PathModifier path, Integer port, Integer statusCode) {}

  public record UrlRewrite(String hostname, PathModifier path) {}

  public record PathModifier(String type, String replaceFullPath, String replacePrefixMatch) {}

  public record LocalObjectReference(String group, String kind, String name) {}
}

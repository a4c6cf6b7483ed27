package dev.tollgate.translator.ir;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tollgate.translator.model.ObjectKey;
import java.util.List;

/**
 * One Envoy route: a single match of a route rule on a single hostname. Exactly one of
 * {@code destination}, {@code redirect} and {@code directResponse} is set.
 *
 * @param name {@code httproute/ns/name/rule/i/match/j/host}
 * @param source the HTTPRoute or GRPCRoute it came from
 * @param timeout request timeout; null leaves Envoy's default
 * @param security the SecurityPolicy that applies to the route, or null
 * @param extensions objects of an extension server's kinds that the route's rule names in
 *     {@code extensionRef} filters, or extension policies that target the route; the extension's
 *     route hook receives them
 * @param extensionFilters the EnvoyExtensionPolicy (Lua, external processing) that applies to the
 *     route, or null
 */
public record RouteIr(
    String name,
    ObjectKey source,
    String hostname,
    MatchIr match,
    DestinationIr destination,
    RedirectIr redirect,
    DirectResponseIr directResponse,
    UrlRewriteIr urlRewrite,
    HeaderOpsIr requestHeaders,
    HeaderOpsIr responseHeaders,
    List<MirrorIr> mirrors,
    TimeoutIr timeout,
    boolean grpc,
    SecurityIr security,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ExtensionResourceIr> extensions,
    ExtensionsIr extensionFilters) {

  public RouteIr {
    mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
    extensions = extensions == null ? List.of() : List.copyOf(extensions);
  }

  /** A route no EnvoyExtensionPolicy applies to (yet). */
  public RouteIr(String name, ObjectKey source, String hostname, MatchIr match, DestinationIr destination,
      RedirectIr redirect, DirectResponseIr directResponse, UrlRewriteIr urlRewrite, HeaderOpsIr requestHeaders,
      HeaderOpsIr responseHeaders, List<MirrorIr> mirrors, TimeoutIr timeout, boolean grpc, SecurityIr security,
      List<ExtensionResourceIr> extensions) {
    this(name, source, hostname, match, destination, redirect, directResponse, urlRewrite, requestHeaders,
        responseHeaders, mirrors, timeout, grpc, security, extensions, null);
  }

  /** This route, named and placed on one hostname. */
  public RouteIr at(String routeName, String routeHostname) {
    return new RouteIr(routeName, source, routeHostname, match, destination, redirect, directResponse, urlRewrite,
        requestHeaders, responseHeaders, mirrors, timeout, grpc, security, extensions, extensionFilters);
  }

  /** This route answering from the proxy itself; nothing is forwarded, so no policy applies. */
  public RouteIr withDirectResponse(DirectResponseIr response) {
    return new RouteIr(name, source, hostname, match, null, null, response, null, requestHeaders,
        responseHeaders, List.of(), timeout, grpc, null, extensions, null);
  }

  public RouteIr withExtensions(List<ExtensionResourceIr> resources) {
    return new RouteIr(name, source, hostname, match, destination, redirect, directResponse, urlRewrite,
        requestHeaders, responseHeaders, mirrors, timeout, grpc, security, resources, extensionFilters);
  }

  public RouteIr withSecurity(SecurityIr policy) {
    return new RouteIr(name, source, hostname, match, destination, redirect, directResponse, urlRewrite,
        requestHeaders, responseHeaders, mirrors, timeout, grpc, policy, extensions, extensionFilters);
  }

  public RouteIr withExtensionFilters(ExtensionsIr filters) {
    return new RouteIr(name, source, hostname, match, destination, redirect, directResponse, urlRewrite,
        requestHeaders, responseHeaders, mirrors, timeout, grpc, security, extensions, filters);
  }
}

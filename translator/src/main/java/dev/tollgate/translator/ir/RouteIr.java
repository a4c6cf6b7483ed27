package dev.tollgate.translator.ir;

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
    SecurityIr security) {

  public RouteIr {
    mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
  }

  /** This route, named and placed on one hostname. */
  public RouteIr at(String routeName, String routeHostname) {
    return new RouteIr(routeName, source, routeHostname, match, destination, redirect, directResponse, urlRewrite,
        requestHeaders, responseHeaders, mirrors, timeout, grpc, security);
  }

  /** This route answering from the proxy itself; nothing is forwarded, so no policy applies. */
  public RouteIr withDirectResponse(DirectResponseIr response) {
    return new RouteIr(name, source, hostname, match, null, null, response, null, requestHeaders,
        responseHeaders, List.of(), timeout, grpc, null);
  }

  public RouteIr withSecurity(SecurityIr policy) {
    return new RouteIr(name, source, hostname, match, destination, redirect, directResponse, urlRewrite,
        requestHeaders, responseHeaders, mirrors, timeout, grpc, policy);
  }
}

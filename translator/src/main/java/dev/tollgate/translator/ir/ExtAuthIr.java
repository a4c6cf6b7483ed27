package dev.tollgate.translator.ir;

import java.util.List;

/**
 * External authorization: every request is checked by a service first.
 *
 * @param filterName the HTTP filter's name, one per policy (the filter is enabled per route)
 * @param grpc the service speaks Envoy's gRPC authorization API; otherwise plain HTTP
 * @param destination the authorization service's cluster
 * @param authority the :authority (gRPC) or host the checks are sent with
 * @param path HTTP only: the path prefix of check requests
 * @param headersToExtAuth request headers sent to the service; empty sends all
 * @param headersToBackend HTTP only: headers of the service's answer copied onto the request
 * @param statusOnError the status answered when the service cannot be reached; null is Envoy's 403
 * @param jwtPayloadToExtAuth send the JWT payloads the route's jwt_authn filter verified as metadata
 */
public record ExtAuthIr(
    String filterName,
    boolean grpc,
    DestinationIr destination,
    String authority,
    String path,
    List<String> headersToExtAuth,
    List<String> headersToBackend,
    boolean failOpen,
    long timeoutMillis,
    Body body,
    Integer statusOnError,
    boolean recomputeRoute,
    boolean jwtPayloadToExtAuth) {

  public ExtAuthIr {
    headersToExtAuth = List.copyOf(headersToExtAuth);
    headersToBackend = List.copyOf(headersToBackend);
  }

  /** Buffer up to {@code maxRequestBytes} of the body and send it along. */
  public record Body(int maxRequestBytes, boolean allowPartialMessage, boolean packAsBytes) {}
}

package dev.tollgate.serve.xds.auth;

import io.grpc.Status;

/** Why a proxy's stream was refused; {@link #tag()} is the {@code reason} of the rejected-proxies counter. */
public enum Rejection {
  /** The stream carried no {@code authorization} metadata. */
  MISSING_TOKEN("missing-token", Status.UNAUTHENTICATED),
  /** The API server says the token is not valid for Tollgate's audience (expired, forged, another audience). */
  INVALID_TOKEN("invalid-token", Status.UNAUTHENTICATED),
  /** The token is valid but not a pod-bound ServiceAccount token. */
  NOT_A_POD("not-a-pod", Status.PERMISSION_DENIED),
  /** The token's pod does not exist, or is not a proxy of any Gateway Tollgate accepts it for. */
  NO_GATEWAY("no-gateway", Status.PERMISSION_DENIED),
  /** The proxy's node names a Gateway other than the one its pod belongs to. */
  WRONG_GATEWAY("wrong-gateway", Status.PERMISSION_DENIED),
  /**
   * The stream is not over mutual TLS, or its client certificate (of the client CA) names no
   * Gateway: not exactly one URI SAN {@code spiffe://tollgate.dev/ns/NAMESPACE/gateway/NAME}.
   */
  NO_GATEWAY_CERTIFICATE("no-gateway-certificate", Status.UNAUTHENTICATED),
  /** The TokenReview or the pod could not be read (API server unreachable, no permission). */
  REVIEW_FAILED("review-failed", Status.UNAVAILABLE);

  private final String tag;
  private final Status status;

  Rejection(String tag, Status status) {
    this.tag = tag;
    this.status = status;
  }

  public String tag() {
    return tag;
  }

  /** The status the stream is closed with. */
  Status status() {
    return status;
  }
}

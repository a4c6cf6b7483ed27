package dev.tollgate.translator.gateway.route;

/**
 * What went wrong while translating a route's rules. An unsupported or invalid value rejects the
 * whole route (Accepted=False, UnsupportedValue); an unresolvable reference only affects its rule
 * (ResolvedRefs=False). The first problem of each kind is reported.
 */
public final class RouteProblems {

  private String invalid;
  private String refReason;
  private String refMessage;

  /** The route cannot be accepted: {@code field: message}. */
  public void invalid(String field, String message) {
    if (invalid == null) {
      invalid = field + ": " + message;
    }
  }

  public void unresolved(String field, String reason, String message) {
    if (refReason == null) {
      refReason = reason;
      refMessage = field + ": " + message;
    }
  }

  public String invalid() {
    return invalid;
  }

  public boolean isInvalid() {
    return invalid != null;
  }

  public String refReason() {
    return refReason;
  }

  public String refMessage() {
    return refMessage;
  }
}

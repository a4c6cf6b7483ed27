package dev.tollgate.translator.status;

/** Condition types and reasons of the Gateway API specification (and Envoy Gateway's policies). */
public final class ConditionTypes {
  private ConditionTypes() {}

  public static final String ACCEPTED = "Accepted";
  public static final String PROGRAMMED = "Programmed";
  public static final String RESOLVED_REFS = "ResolvedRefs";
  public static final String CONFLICTED = "Conflicted";
  /** Routes: some rules were dropped, the others are served. */
  public static final String PARTIALLY_INVALID = "PartiallyInvalid";
  /** Policies: a narrower policy applies instead on some of the routes. */
  public static final String OVERRIDDEN = "Overridden";

  /** Reasons, grouped by the condition they usually go with. */
  public static final class Reason {
    private Reason() {}

    public static final String ACCEPTED = "Accepted";
    public static final String PROGRAMMED = "Programmed";
    public static final String RESOLVED_REFS = "ResolvedRefs";
    public static final String INVALID = "Invalid";
    public static final String INVALID_PARAMETERS = "InvalidParameters";
    public static final String PENDING = "Pending";

    // Gateway and listener
    public static final String LISTENERS_NOT_VALID = "ListenersNotValid";
    public static final String UNSUPPORTED_ADDRESS = "UnsupportedAddress";
    public static final String PORT_UNAVAILABLE = "PortUnavailable";
    public static final String UNSUPPORTED_PROTOCOL = "UnsupportedProtocol";
    public static final String HOSTNAME_CONFLICT = "HostnameConflict";
    public static final String PROTOCOL_CONFLICT = "ProtocolConflict";
    public static final String NO_CONFLICTS = "NoConflicts";
    public static final String INVALID_CERTIFICATE_REF = "InvalidCertificateRef";
    public static final String INVALID_ROUTE_KINDS = "InvalidRouteKinds";

    // Routes
    public static final String NOT_ALLOWED_BY_LISTENERS = "NotAllowedByListeners";
    public static final String NO_MATCHING_LISTENER_HOSTNAME = "NoMatchingListenerHostname";
    public static final String NO_MATCHING_PARENT = "NoMatchingParent";
    public static final String UNSUPPORTED_VALUE = "UnsupportedValue";
    public static final String REF_NOT_PERMITTED = "RefNotPermitted";
    public static final String INVALID_KIND = "InvalidKind";
    public static final String BACKEND_NOT_FOUND = "BackendNotFound";

    // Policies
    public static final String TARGET_NOT_FOUND = "TargetNotFound";
    public static final String CONFLICTED = "Conflicted";
    public static final String OVERRIDDEN = "Overridden";
  }
}

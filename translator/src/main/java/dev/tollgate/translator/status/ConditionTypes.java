package dev.tollgate.translator.status;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Condition types and reasons Tollgate writes: the Gateway API specification's (apis/v1
 * gateway_types.go, gatewayclass_types.go, shared_types.go, policy_types.go), a few of Envoy
 * Gateway's, and a few of Tollgate's own where neither names the case. {@link Allowed} says which
 * reasons go with which condition type on which object.
 */
public final class ConditionTypes {
  private ConditionTypes() {}

  public static final String ACCEPTED = "Accepted";
  public static final String PROGRAMMED = "Programmed";
  public static final String RESOLVED_REFS = "ResolvedRefs";
  public static final String CONFLICTED = "Conflicted";
  /** Routes: some rules were dropped, the others are served. */
  public static final String PARTIALLY_INVALID = "PartiallyInvalid";
  /** Envoy Gateway's policy condition: a narrower policy applies instead on some of the routes. */
  public static final String OVERRIDDEN = "Overridden";
  /** Envoy Gateway's policy condition: the ancestors past the 16 a status holds are not listed. */
  public static final String AGGREGATED = "Aggregated";

  /** Reasons, grouped by where they come from; {@link Allowed} pairs them with condition types. */
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
    /** Route Accepted and listener Accepted: a field holds a value Tollgate cannot use. */
    public static final String UNSUPPORTED_VALUE = "UnsupportedValue";
    public static final String REF_NOT_PERMITTED = "RefNotPermitted";
    public static final String INVALID_KIND = "InvalidKind";
    public static final String BACKEND_NOT_FOUND = "BackendNotFound";

    // Policies
    public static final String TARGET_NOT_FOUND = "TargetNotFound";
    public static final String CONFLICTED = "Conflicted";

    // Envoy Gateway's, where the specification names no reason for the case
    /** Route ResolvedRefs: a backendRef to a Service without a port. */
    public static final String PORT_NOT_SPECIFIED = "PortNotSpecified";
    /** Route ResolvedRefs: the Service has no TCP port of that number. */
    public static final String PORT_NOT_FOUND = "PortNotFound";
    public static final String OVERRIDDEN = "Overridden";
    public static final String AGGREGATED = "Aggregated";
    /** Policy Accepted: the policy kind is switched off in the controller's configuration. */
    public static final String DISABLED = "Disabled";
    /** EnvoyPatchPolicy Programmed: a patch names a resource the Gateway's configuration lacks. */
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFound";

    // Tollgate's own, where neither names the case
    /** Route ResolvedRefs: a Backend whose endpoint is a unix domain socket (policies only). */
    public static final String UNSUPPORTED_ADDRESS_TYPE = "UnsupportedAddressType";
    /** Route ResolvedRefs: the Backend exists but is not accepted (see its own status). */
    public static final String INVALID_BACKEND = "InvalidBackend";
    /** Gateway Programmed: an extension server failed, so its configuration is not published. */
    public static final String EXTENSION_HOOK_FAILED = "ExtensionHookFailed";
  }

  /** The object, or part of one, a list of conditions belongs to. */
  public enum Subject {
    GATEWAY_CLASS,
    GATEWAY,
    LISTENER,
    /** A route's status for one parentRef. */
    ROUTE_PARENT,
    /** A policy's status for one ancestor. */
    POLICY_ANCESTOR,
    /** Envoy Gateway's Backend kind. */
    BACKEND,
    /** An EnvoyProxy's status for one GatewayClass or Gateway that names it (Envoy Gateway's). */
    ENVOY_PROXY_ANCESTOR
  }

  /**
   * The reasons each condition type may carry, per subject: the specification's list (the
   * "possible reasons" of the condition type's godoc, whatever the status), then Envoy Gateway's
   * and Tollgate's for cases the specification leaves open. A reason of another condition type
   * never appears.
   */
  public static final class Allowed {
    private Allowed() {}

    /** Where a reason comes from. */
    public enum Source {
      GATEWAY_API,
      ENVOY_GATEWAY,
      TOLLGATE
    }

    private static final Map<Subject, Map<String, Map<Source, Set<String>>>> LISTS = new LinkedHashMap<>();

    static {
      add(Subject.GATEWAY_CLASS, ACCEPTED, Source.GATEWAY_API,
          Reason.ACCEPTED, Reason.INVALID, Reason.INVALID_PARAMETERS, "UnsupportedVersion", Reason.PENDING);

      add(Subject.GATEWAY, ACCEPTED, Source.GATEWAY_API, Reason.ACCEPTED, Reason.LISTENERS_NOT_VALID, Reason.INVALID,
          Reason.INVALID_PARAMETERS, "NotReconciled", Reason.UNSUPPORTED_ADDRESS, Reason.PENDING);
      add(Subject.GATEWAY, PROGRAMMED, Source.GATEWAY_API, Reason.PROGRAMMED, Reason.INVALID, Reason.PENDING,
          "NoResources", "AddressNotAssigned", "AddressNotUsable");
      add(Subject.GATEWAY, PROGRAMMED, Source.TOLLGATE, Reason.EXTENSION_HOOK_FAILED);
      add(Subject.GATEWAY, RESOLVED_REFS, Source.GATEWAY_API, Reason.RESOLVED_REFS, Reason.REF_NOT_PERMITTED,
          "InvalidClientCertificateRef", "ListenersNotResolved");

      add(Subject.LISTENER, ACCEPTED, Source.GATEWAY_API, Reason.ACCEPTED, Reason.PORT_UNAVAILABLE,
          Reason.UNSUPPORTED_PROTOCOL, "NoValidCACertificate", Reason.UNSUPPORTED_VALUE, Reason.PENDING);
      add(Subject.LISTENER, RESOLVED_REFS, Source.GATEWAY_API, Reason.RESOLVED_REFS, Reason.INVALID_CERTIFICATE_REF,
          Reason.INVALID_ROUTE_KINDS, Reason.REF_NOT_PERMITTED, "InvalidCACertificateRef", "InvalidCACertificateKind");
      add(Subject.LISTENER, CONFLICTED, Source.GATEWAY_API,
          Reason.HOSTNAME_CONFLICT, Reason.PROTOCOL_CONFLICT, Reason.NO_CONFLICTS);
      add(Subject.LISTENER, PROGRAMMED, Source.GATEWAY_API, Reason.PROGRAMMED, Reason.INVALID, Reason.PENDING);

      add(Subject.ROUTE_PARENT, ACCEPTED, Source.GATEWAY_API, Reason.ACCEPTED, Reason.NOT_ALLOWED_BY_LISTENERS,
          Reason.NO_MATCHING_LISTENER_HOSTNAME, Reason.NO_MATCHING_PARENT, Reason.UNSUPPORTED_VALUE, Reason.PENDING,
          "IncompatibleFilters");
      add(Subject.ROUTE_PARENT, RESOLVED_REFS, Source.GATEWAY_API, Reason.RESOLVED_REFS, Reason.REF_NOT_PERMITTED,
          Reason.INVALID_KIND, Reason.BACKEND_NOT_FOUND, Reason.UNSUPPORTED_PROTOCOL);
      add(Subject.ROUTE_PARENT, RESOLVED_REFS, Source.ENVOY_GATEWAY, Reason.PORT_NOT_SPECIFIED, Reason.PORT_NOT_FOUND);
      add(Subject.ROUTE_PARENT, RESOLVED_REFS, Source.TOLLGATE, Reason.UNSUPPORTED_ADDRESS_TYPE, Reason.INVALID_BACKEND);
      add(Subject.ROUTE_PARENT, PARTIALLY_INVALID, Source.GATEWAY_API, Reason.UNSUPPORTED_VALUE);

      add(Subject.POLICY_ANCESTOR, ACCEPTED, Source.GATEWAY_API,
          Reason.ACCEPTED, Reason.CONFLICTED, Reason.INVALID, Reason.TARGET_NOT_FOUND);
      add(Subject.POLICY_ANCESTOR, ACCEPTED, Source.ENVOY_GATEWAY, Reason.DISABLED);
      add(Subject.POLICY_ANCESTOR, OVERRIDDEN, Source.ENVOY_GATEWAY, Reason.OVERRIDDEN);
      add(Subject.POLICY_ANCESTOR, AGGREGATED, Source.ENVOY_GATEWAY, Reason.AGGREGATED);
      add(Subject.POLICY_ANCESTOR, PROGRAMMED, Source.ENVOY_GATEWAY,
          Reason.PROGRAMMED, Reason.INVALID, Reason.RESOURCE_NOT_FOUND);

      add(Subject.BACKEND, ACCEPTED, Source.ENVOY_GATEWAY, Reason.ACCEPTED, Reason.INVALID);
      add(Subject.ENVOY_PROXY_ANCESTOR, ACCEPTED, Source.ENVOY_GATEWAY, Reason.ACCEPTED, Reason.INVALID_PARAMETERS);
    }

    private static void add(Subject subject, String type, Source source, String... reasons) {
      LISTS.computeIfAbsent(subject, s -> new LinkedHashMap<>())
          .computeIfAbsent(type, t -> new LinkedHashMap<>())
          .computeIfAbsent(source, s -> new LinkedHashSet<>())
          .addAll(List.of(reasons));
    }

    /** The condition types Tollgate may write on the subject. */
    public static Set<String> types(Subject subject) {
      return Set.copyOf(LISTS.getOrDefault(subject, Map.of()).keySet());
    }

    /** Every reason the condition type may carry on the subject; empty for a type it does not have. */
    public static Set<String> reasons(Subject subject, String type) {
      Set<String> out = new LinkedHashSet<>();
      LISTS.getOrDefault(subject, Map.of()).getOrDefault(type, Map.of()).values().forEach(out::addAll);
      return out;
    }

    /** The reasons of one source only. */
    public static Set<String> reasons(Subject subject, String type, Source source) {
      return Set.copyOf(LISTS.getOrDefault(subject, Map.of()).getOrDefault(type, Map.of()).getOrDefault(source, Set.of()));
    }
  }
}

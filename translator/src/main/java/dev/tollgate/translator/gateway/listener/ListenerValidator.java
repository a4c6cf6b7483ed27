package dev.tollgate.translator.gateway.listener;

import static dev.tollgate.translator.status.ConditionTypes.ACCEPTED;
import static dev.tollgate.translator.status.ConditionTypes.CONFLICTED;
import static dev.tollgate.translator.status.ConditionTypes.PROGRAMMED;
import static dev.tollgate.translator.status.ConditionTypes.RESOLVED_REFS;

import dev.tollgate.translator.gateway.GatewayState;
import dev.tollgate.translator.gateway.Hostnames;
import dev.tollgate.translator.gateway.ListenerState;
import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.model.gatewayapi.GroupKind;
import dev.tollgate.translator.naming.XdsNames;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Validates a Gateway's listeners: protocol, port, hostname, allowed route kinds, TLS
 * certificates, and conflicts between listeners on the same port. Each listener ends with
 * Accepted, Programmed, ResolvedRefs and Conflicted conditions.
 */
public final class ListenerValidator {

  static final GroupKind HTTP_ROUTE = new GroupKind(Kinds.GATEWAY_API_GROUP, "HTTPRoute");
  static final GroupKind GRPC_ROUTE = new GroupKind(Kinds.GATEWAY_API_GROUP, "GRPCRoute");
  private static final List<GroupKind> HTTP_KINDS = List.of(HTTP_ROUTE, GRPC_ROUTE);

  private final ListenerCertificates certificates;

  public ListenerValidator(ListenerCertificates certificates) {
    this.certificates = certificates;
  }

  public void validate(GatewayState gateway) {
    Set<String> names = new HashSet<>();
    for (ListenerState listener : gateway.listeners()) {
      validateOne(listener, names);
    }
    markConflicts(gateway.listeners());
    for (ListenerState listener : gateway.listeners()) {
      if (listener.programmable() && "HTTPS".equals(listener.spec().protocol())) {
        certificates.resolve(gateway, listener);
      }
    }
    for (ListenerState listener : gateway.listeners()) {
      var c = listener.conditions();
      c.setIfAbsent(ACCEPTED, true, Reason.ACCEPTED, "Listener is accepted");
      c.setIfAbsent(RESOLVED_REFS, true, Reason.RESOLVED_REFS, "All references are resolved");
      c.setIfAbsent(CONFLICTED, false, Reason.NO_CONFLICTS, "No conflicts with other listeners");
      if (listener.programmable()) {
        c.set(PROGRAMMED, true, Reason.PROGRAMMED, "Listener is programmed");
      } else {
        c.setIfAbsent(PROGRAMMED, false, Reason.INVALID, "Listener is invalid, see other conditions");
      }
      c.orderBy(ACCEPTED, RESOLVED_REFS, CONFLICTED, PROGRAMMED);
    }
  }

  /** Checks what the listener says about itself; certificates come after conflicts are known. */
  private static void validateOne(ListenerState listener, Set<String> names) {
    Gateway.Listener spec = listener.spec();
    if (listener.name().isEmpty() || !names.add(listener.name())) {
      reject(listener, Reason.UNSUPPORTED_VALUE, listener.name().isEmpty()
          ? "name is required" : "name \"" + listener.name() + "\" is used by an earlier listener");
      return;
    }
    if (spec.port() == null || spec.port() < 1 || spec.port() > 65535) {
      reject(listener, Reason.PORT_UNAVAILABLE, "port must be between 1 and 65535");
      return;
    }
    String protocol = Objects.requireNonNullElse(spec.protocol(), "");
    if (!protocol.equals("HTTP") && !protocol.equals("HTTPS")) {
      reject(listener, Reason.UNSUPPORTED_PROTOCOL,
          "protocol \"" + protocol + "\" is not supported; use HTTP or HTTPS");
      return;
    }
    if (listener.hostname() != null) {
      String problem = Hostnames.problem(listener.hostname());
      if (problem != null) {
        reject(listener, Reason.UNSUPPORTED_VALUE, "hostname " + problem);
        return;
      }
    }
    resolveRouteKinds(listener);
    if (spec.allowedRoutes() != null && spec.allowedRoutes().namespaces() != null) {
      var ns = spec.allowedRoutes().namespaces();
      String from = Objects.requireNonNullElse(ns.from(), "Same");
      if (!List.of("Same", "All", "Selector").contains(from)) {
        reject(listener, Reason.UNSUPPORTED_VALUE, "allowedRoutes.namespaces.from \"" + from + "\" is not one of All, Same, Selector");
        return;
      }
      if (from.equals("Selector") && ns.selector() == null) {
        reject(listener, Reason.UNSUPPORTED_VALUE, "allowedRoutes.namespaces.selector is required when from is Selector");
        return;
      }
    }
    if (protocol.equals("HTTP") && spec.tls() != null) {
      reject(listener, Reason.UNSUPPORTED_VALUE, "tls must not be set on an HTTP listener");
    }
  }

  private static void resolveRouteKinds(ListenerState listener) {
    var allowed = listener.spec().allowedRoutes();
    if (allowed == null || allowed.kinds().isEmpty()) {
      listener.supportedKinds().addAll(HTTP_KINDS);
      return;
    }
    List<String> invalid = new ArrayList<>();
    for (GroupKind kind : allowed.kinds()) {
      GroupKind normalized = new GroupKind(kind.group().isEmpty() && kind.kind() != null
          ? Kinds.GATEWAY_API_GROUP : kind.group(), kind.kind());
      if (HTTP_KINDS.contains(normalized)) {
        if (!listener.supportedKinds().contains(normalized)) {
          listener.supportedKinds().add(normalized);
        }
      } else {
        invalid.add(kind.toString());
      }
    }
    if (!invalid.isEmpty()) {
      listener.conditions().set(RESOLVED_REFS, false, Reason.INVALID_ROUTE_KINDS,
          "Route kinds not supported on " + listener.spec().protocol() + " listeners: " + String.join(", ", invalid));
    }
  }

  /**
   * Listeners on one port must share a protocol, and HTTP(S) listeners on one port must have
   * distinct hostnames. Conflicted listeners are left out; the others still work.
   */
  private static void markConflicts(List<ListenerState> listeners) {
    Map<Integer, List<ListenerState>> byPort = new LinkedHashMap<>();
    for (ListenerState l : listeners) {
      if (l.programmable()) {
        byPort.computeIfAbsent(XdsNames.containerPort(l.spec().port()), p -> new ArrayList<>()).add(l);
      }
    }
    for (List<ListenerState> group : byPort.values()) {
      long protocols = group.stream().map(l -> l.spec().protocol()).distinct().count();
      if (protocols > 1) {
        for (ListenerState l : group) {
          conflict(l, Reason.PROTOCOL_CONFLICT, "Listeners on port " + l.spec().port() + " use different protocols");
        }
        continue;
      }
      Map<String, List<ListenerState>> byHost = new LinkedHashMap<>();
      for (ListenerState l : group) {
        byHost.computeIfAbsent(Objects.requireNonNullElse(l.hostname(), ""), h -> new ArrayList<>()).add(l);
      }
      for (List<ListenerState> same : byHost.values()) {
        if (same.size() > 1) {
          for (ListenerState l : same) {
            conflict(l, Reason.HOSTNAME_CONFLICT,
                "Listeners on port " + l.spec().port() + " must have distinct hostnames");
          }
        }
      }
    }
  }

  /**
   * Indistinct listeners must all be left out. Conflicted carries the kind of conflict; Accepted
   * has no conflict reason of its own, and PortUnavailable is the one that says the port cannot
   * be used as the listener asks.
   */
  private static void conflict(ListenerState listener, String reason, String message) {
    listener.conditions().set(CONFLICTED, true, reason, message);
    listener.conditions().set(ACCEPTED, false, Reason.PORT_UNAVAILABLE, message);
    listener.markUnprogrammable();
  }

  /** A listener that generates no configuration at all: Accepted=False (Programmed follows). */
  private static void reject(ListenerState listener, String reason, String message) {
    listener.conditions().set(ACCEPTED, false, reason, message);
    listener.markUnprogrammable();
  }
}

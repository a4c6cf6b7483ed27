package dev.tollgate.translator.gateway;

import static dev.tollgate.translator.status.ConditionTypes.ACCEPTED;
import static dev.tollgate.translator.status.ConditionTypes.PROGRAMMED;

import dev.tollgate.translator.gateway.address.ProxyServiceAddresses;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import dev.tollgate.translator.status.GatewayStatus;
import dev.tollgate.translator.status.ObjectStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a Gateway's status once its listeners and routes are settled. The Gateway is accepted
 * while at least one listener is; any listener that cannot be configured (rejected, conflicted, or
 * without a usable certificate) makes the reason ListenersNotValid. It is programmed when it is
 * accepted and at least one listener is configured.
 */
final class GatewayStatuses {

  private static final Set<String> ADDRESS_TYPES = Set.of("IPAddress", "Hostname");

  private GatewayStatuses() {}

  /** @param proxyAddresses the addresses of the Gateway's proxy Service, which win over those its spec asks for */
  static ObjectStatus finish(GatewayState state, ProxyServiceAddresses proxyAddresses) {
    var c = state.conditions();
    List<GatewayStatus.Address> addresses = new ArrayList<>();
    for (Gateway.Address a : state.gateway().spec().addresses()) {
      String type = a.type() == null ? "IPAddress" : a.type();
      if (!ADDRESS_TYPES.contains(type)) {
        c.setIfAbsent(ACCEPTED, false, Reason.UNSUPPORTED_ADDRESS, "Address type " + type + " is not supported");
      } else {
        addresses.add(new GatewayStatus.Address(type, a.value()));
      }
    }
    addresses = proxyAddresses.of(state.gateway()).orElse(addresses);
    listenerSummary(state);
    List<GatewayStatus.Listener> listeners = new ArrayList<>();
    for (ListenerState l : state.listeners()) {
      listeners.add(new GatewayStatus.Listener(l.name(), List.copyOf(l.supportedKinds()), l.attachedRoutes(), l.conditions().list()));
    }
    var g = state.gateway();
    return new ObjectStatus(g.apiVersion(), g.kind(), g.metadata().namespace(), g.metadata().name(),
        new GatewayStatus(addresses, c.list(), listeners));
  }

  private static void listenerSummary(GatewayState state) {
    var c = state.conditions();
    List<String> invalid = state.listeners().stream().filter(l -> !l.programmable())
        .map(l -> l.name().isEmpty() ? "(unnamed)" : l.name()).toList();
    long accepted = state.listeners().stream().filter(l -> l.conditions().isTrue(ACCEPTED)).count();
    long programmable = state.listeners().size() - invalid.size();
    if (invalid.isEmpty()) {
      c.setIfAbsent(ACCEPTED, true, Reason.ACCEPTED, "Gateway is accepted");
    } else {
      c.setIfAbsent(ACCEPTED, accepted > 0, Reason.LISTENERS_NOT_VALID, invalid.size() + " of " + state.listeners().size()
          + " listeners cannot be configured: " + String.join(", ", invalid)
          + (accepted > 0 ? "" : "; no listener is accepted"));
    }
    if (c.isTrue(ACCEPTED) && programmable > 0) {
      c.setIfAbsent(PROGRAMMED, true, Reason.PROGRAMMED,
          "Configuration is generated for " + programmable + (programmable == 1 ? " listener" : " listeners"));
    } else {
      c.setIfAbsent(PROGRAMMED, false, Reason.INVALID,
          c.isTrue(ACCEPTED) ? "No listener can be configured" : "The Gateway is not accepted");
    }
  }
}

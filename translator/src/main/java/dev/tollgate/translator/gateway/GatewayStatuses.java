package dev.tollgate.translator.gateway;

import static dev.tollgate.translator.status.ConditionTypes.ACCEPTED;
import static dev.tollgate.translator.status.ConditionTypes.PROGRAMMED;

import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import dev.tollgate.translator.status.GatewayStatus;
import dev.tollgate.translator.status.ObjectStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes a Gateway's status once its listeners and routes are settled. */
final class GatewayStatuses {

  private static final Set<String> ADDRESS_TYPES = Set.of("IPAddress", "Hostname");

  private GatewayStatuses() {}

  static ObjectStatus finish(GatewayState state) {
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
    long programmable = state.listeners().stream().filter(ListenerState::programmable).count();
    int total = state.listeners().size();
    if (programmable == total) {
      c.setIfAbsent(ACCEPTED, true, Reason.ACCEPTED, "Gateway is accepted");
    } else {
      c.setIfAbsent(ACCEPTED, programmable > 0, Reason.LISTENERS_NOT_VALID,
          (total - programmable) + " of " + total + " listeners are invalid");
    }
    if (c.isTrue(ACCEPTED)) {
      c.setIfAbsent(PROGRAMMED, true, Reason.PROGRAMMED,
          "Configuration is generated for " + programmable + (programmable == 1 ? " listener" : " listeners"));
    } else {
      c.setIfAbsent(PROGRAMMED, false, Reason.INVALID, "The Gateway is not accepted");
    }
    List<GatewayStatus.Listener> listeners = new ArrayList<>();
    for (ListenerState l : state.listeners()) {
      listeners.add(new GatewayStatus.Listener(l.name(), List.copyOf(l.supportedKinds()), l.attachedRoutes(), l.conditions().list()));
    }
    var g = state.gateway();
    return new ObjectStatus(g.apiVersion(), g.kind(), g.metadata().namespace(), g.metadata().name(),
        new GatewayStatus(addresses, c.list(), listeners));
  }
}

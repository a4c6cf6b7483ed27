package dev.tollgate.translator.gateway;

import dev.tollgate.translator.ir.FilterOrderIr;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.naming.XdsNames;
import java.util.ArrayList;
import java.util.List;

/** Turns a settled Gateway into IR: its programmable listeners, each with routes in precedence order. */
final class GatewayIrBuilder {

  static final String ANY_ADDRESS = "0.0.0.0";

  private GatewayIrBuilder() {}

  static GatewayIr build(GatewayState state, List<FilterOrderIr> filterOrder) {
    List<HttpListenerIr> listeners = new ArrayList<>();
    for (ListenerState l : state.listeners()) {
      if (!l.programmable()) {
        continue;
      }
      var routes = l.routes().stream().sorted(RoutePrecedence.ORDER).map(RankedRoute::route).toList();
      listeners.add(new HttpListenerIr(l.xdsName(), ANY_ADDRESS, l.spec().port(),
          l.hostname() == null ? Hostnames.ANY : l.hostname(), l.tls(), routes));
    }
    return new GatewayIr(XdsNames.gateway(state.namespace(), state.name()), state.gateway().key(), listeners, filterOrder);
  }
}

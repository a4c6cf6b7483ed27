package dev.tollgate.translator.gateway;

import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.status.Conditions;
import java.util.List;

/** A Gateway of one of Tollgate's classes, with its listeners, while the gateway stage works. */
public record GatewayState(Gateway gateway, Conditions conditions, List<ListenerState> listeners) {

  public String namespace() {
    return gateway.metadata().namespace();
  }

  public String name() {
    return gateway.metadata().name();
  }
}

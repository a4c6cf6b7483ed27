package dev.tollgate.translator.ir;

import java.util.List;

/** Everything the gateway stage produced: one entry per programmed Gateway, sorted by name. */
public record XdsIr(List<GatewayIr> gateways) {
  public XdsIr {
    gateways = List.copyOf(gateways);
  }
}

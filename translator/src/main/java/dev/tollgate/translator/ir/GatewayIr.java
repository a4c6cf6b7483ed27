package dev.tollgate.translator.ir;

import dev.tollgate.translator.model.ObjectKey;
import java.util.List;

/**
 * One Gateway's worth of configuration, served to the proxies of that Gateway.
 *
 * @param name {@code namespace/name}, the key proxies are selected by
 * @param filterOrder the EnvoyProxy's reordering of HTTP filters, applied in order
 */
public record GatewayIr(String name, ObjectKey source, List<HttpListenerIr> httpListeners, List<FilterOrderIr> filterOrder) {
  public GatewayIr {
    httpListeners = List.copyOf(httpListeners);
    filterOrder = filterOrder == null ? List.of() : List.copyOf(filterOrder);
  }

  public GatewayIr withListeners(List<HttpListenerIr> listeners) {
    return new GatewayIr(name, source, listeners, filterOrder);
  }
}

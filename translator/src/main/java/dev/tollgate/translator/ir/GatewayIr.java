package dev.tollgate.translator.ir;

import dev.tollgate.translator.model.ObjectKey;
import java.util.List;

/**
 * One Gateway's worth of configuration, served to the proxies of that Gateway.
 *
 * @param name {@code namespace/name}, the key proxies are selected by
 */
public record GatewayIr(String name, ObjectKey source, List<HttpListenerIr> httpListeners) {
  public GatewayIr {
    httpListeners = List.copyOf(httpListeners);
  }
}

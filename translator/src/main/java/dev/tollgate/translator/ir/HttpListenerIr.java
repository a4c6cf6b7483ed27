package dev.tollgate.translator.ir;

import java.util.List;

/**
 * One Gateway listener of protocol HTTP or HTTPS. Listeners sharing a port are merged into one
 * Envoy listener by the xDS stage.
 *
 * @param name {@code namespace/gateway/listener}
 * @param port the Gateway listener's port (the xDS stage derives the port Envoy binds)
 * @param hostname the listener's hostname, or {@code *} when it has none
 * @param tls certificates for HTTPS, null for plain HTTP
 * @param routes routes in precedence order
 */
public record HttpListenerIr(
    String name, String address, int port, String hostname, TlsIr tls, List<RouteIr> routes) {
  public HttpListenerIr {
    routes = List.copyOf(routes);
  }

  public boolean isTls() {
    return tls != null;
  }

  public HttpListenerIr withRoutes(List<RouteIr> replaced) {
    return new HttpListenerIr(name, address, port, hostname, tls, replaced);
  }
}

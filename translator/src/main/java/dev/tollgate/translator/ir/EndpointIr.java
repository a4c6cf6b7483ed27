package dev.tollgate.translator.ir;

/**
 * An upstream address. {@code ready} false means it should only get traffic as a last resort.
 *
 * @param type what {@code address} holds: an IP address, a DNS name resolved by the proxy, or
 *     the path of a unix domain socket (then {@code port} is 0)
 */
public record EndpointIr(String address, int port, boolean ready, Type type) {

  public enum Type {
    IP,
    FQDN,
    UNIX
  }

  public static EndpointIr ip(String address, int port, boolean ready) {
    return new EndpointIr(address, port, ready, Type.IP);
  }
}

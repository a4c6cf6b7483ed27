package dev.tollgate.translator.gateway.backend;

import dev.tollgate.translator.ir.EndpointIr;
import dev.tollgate.translator.model.envoygateway.BackendSpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Checks one Backend endpoint and turns it into IR. */
final class BackendEndpoints {

  private static final Pattern DNS_NAME =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\.?$");
  private static final Pattern IPV4 =
      Pattern.compile("^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$");
  /** Anything with a colon is parsed as an IPv6 literal; InetAddress never looks such a string up. */
  private static final Pattern IPV6_CANDIDATE = Pattern.compile("^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$");
  private static final Pattern IP_LITERAL = Pattern.compile(IPV4.pattern() + "|" + IPV6_CANDIDATE.pattern());

  private BackendEndpoints() {}

  /** Null when the endpoint is usable, else the field and why not ({@code ip.address: ...}). */
  static String problem(BackendSpec.Endpoint e) {
    if (e.ip() != null) {
      String address = e.ip().address();
      if (address == null || !IP_LITERAL.matcher(address).matches()) {
        return "ip.address: " + quote(address) + " is not an IP address";
      }
      InetAddress parsed;
      try {
        parsed = InetAddress.getByName(address); // a checked literal: no lookup happens
      } catch (UnknownHostException ex) {
        return "ip.address: " + quote(address) + " is not an IP address";
      }
      if (parsed.isLoopbackAddress() || parsed.isAnyLocalAddress() || parsed.isLinkLocalAddress()) {
        return "ip.address: " + address + " is a loopback, unspecified or link-local address, which a Backend may not reach";
      }
      return portProblem("ip.port", e.ip().port());
    }
    if (e.fqdn() != null) {
      String host = e.fqdn().hostname();
      if (host == null || !DNS_NAME.matcher(host).matches() || host.matches("^[0-9.]+$")) {
        return "fqdn.hostname: " + quote(host) + " is not a DNS name";
      }
      String bare = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
      if (bare.equals("localhost") || bare.endsWith(".localhost")) {
        return "fqdn.hostname: " + host + " names the proxy's own host, which a Backend may not reach";
      }
      return portProblem("fqdn.port", e.fqdn().port());
    }
    String path = e.unix().path();
    if (path == null || !(path.startsWith("/") || path.startsWith("@")) || path.length() < 2) {
      return "unix.path: " + quote(path) + " must be an absolute path (or @name for an abstract socket)";
    }
    return null;
  }

  static EndpointIr toIr(BackendSpec.Endpoint e) {
    if (e.ip() != null) {
      return new EndpointIr(e.ip().address(), e.ip().port(), true, EndpointIr.Type.IP);
    }
    if (e.fqdn() != null) {
      String host = e.fqdn().hostname();
      return new EndpointIr(host.endsWith(".") ? host.substring(0, host.length() - 1) : host, e.fqdn().port(), true,
          EndpointIr.Type.FQDN);
    }
    return new EndpointIr(e.unix().path(), 0, true, EndpointIr.Type.UNIX);
  }

  private static String portProblem(String field, Integer port) {
    if (port == null) {
      return field + ": is required";
    }
    return port < 1 || port > 65535 ? field + ": must be between 1 and 65535" : null;
  }

  private static String quote(String s) {
    return s == null ? "(none)" : "\"" + s + "\"";
  }
}

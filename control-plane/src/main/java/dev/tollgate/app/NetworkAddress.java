package dev.tollgate.app;

import java.util.regex.Pattern;

/**
 * An address as written on the command line or in settings: {@code HOST:PORT},
 * {@code [IPv6]:PORT} or {@code unix:/path}. Every option and setting that takes one is parsed
 * here, so they all accept the same forms and refuse the same mistakes with the same words.
 */
public sealed interface NetworkAddress permits NetworkAddress.Tcp, NetworkAddress.Unix {

  String UNIX_PREFIX = "unix:";

  /** A TCP address; {@code host} is a name or an IP address, an IPv6 one without brackets. */
  record Tcp(String host, int port) implements NetworkAddress {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.-]+)?");

    /** An IP address rather than a name to resolve. */
    public boolean isIpLiteral() {
      return IP_LITERAL.matcher(host).matches();
    }

    @Override
    public String toString() {
      return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
  }

  /** A unix domain socket. */
  record Unix(String path) implements NetworkAddress {
    @Override
    public String toString() {
      return UNIX_PREFIX + path;
    }
  }

  /** Where Tollgate listens: TCP or a unix socket; port 0 asks the system for a free port. */
  static NetworkAddress listening(String text) {
    return parse(text, 0, true);
  }

  /** Where Tollgate listens on TCP only (the admin endpoints); port 0 asks the system for a free port. */
  static Tcp listeningTcp(String text) {
    return (Tcp) parse(text, 0, false);
  }

  /** Where a client connects: TCP or a unix socket, on a port from 1 to 65535. */
  public static NetworkAddress connecting(String text) {
    return parse(text, 1, true);
  }

  /** @throws IllegalArgumentException naming the value, what is wrong and the forms expected */
  private static NetworkAddress parse(String text, int lowestPort, boolean unixAllowed) {
    String forms = unixAllowed ? "HOST:PORT, [IPv6]:PORT or unix:/path" : "HOST:PORT or [IPv6]:PORT";
    String problem = problem(text, lowestPort, unixAllowed);
    if (problem != null) {
      throw new IllegalArgumentException("'" + text + "' " + problem + "; expected " + forms);
    }
    if (text.startsWith(UNIX_PREFIX)) {
      return new Unix(text.substring(UNIX_PREFIX.length()));
    }
    int colon = text.lastIndexOf(':');
    String host = text.substring(0, colon);
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    return new Tcp(host, Integer.parseInt(text.substring(colon + 1)));
  }

  /** What is wrong with the text, or null when it is a well-formed address. */
  private static String problem(String text, int lowestPort, boolean unixAllowed) {
    if (text.startsWith(UNIX_PREFIX)) {
      if (!unixAllowed) {
        return "is a unix socket, which is not supported here";
      }
      return text.length() == UNIX_PREFIX.length() ? "has no socket path" : null;
    }
    int colon = text.lastIndexOf(':');
    if (colon < 0 || text.endsWith("]")) {
      return "has no port";
    }
    String host = text.substring(0, colon);
    String port = text.substring(colon + 1);
    if (host.isEmpty()) {
      return "has no host";
    }
    if (host.startsWith("[") != host.endsWith("]")) {
      return "has an unclosed bracket";
    }
    if (!host.startsWith("[") && host.contains(":")) {
      return "has an IPv6 address without brackets";
    }
    if (host.startsWith("[") && !new Tcp(host.substring(1, host.length() - 1), 0).isIpLiteral()) {
      return "has brackets around something that is not an IPv6 address";
    }
    if (host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
      return "has a host that is not a name or an IP address";
    }
    if (!port.matches("[0-9]+")) {
      return "has a port that is not a number";
    }
    if (port.length() > 5 || Integer.parseInt(port) < lowestPort || Integer.parseInt(port) > 65535) {
      return "has port " + port + ", not between " + lowestPort + " and 65535";
    }
    return null;
  }
}

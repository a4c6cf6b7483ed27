package dev.tollgate.review.envoy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request as Envoy's HTTP connection manager sees it: method, scheme, authority, path with its
 * query, headers by lower-case name (a header sent twice keeps both values), the downstream
 * address, and the claims of a token JWT authentication would verify.
 */
public record HttpRequest(String method, String scheme, String authority, String path,
    Map<String, List<String>> headers, String sourceAddress, JsonNode jwtClaims) {

  public HttpRequest {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    headers = Collections.unmodifiableMap(copy);
  }

  /**
   * Reads {@code [METHOD] URL}, e.g. {@code GET https://foo.bar.com/get?x=1}, and {@code name: value}
   * headers; a {@code host} header replaces the URL's authority, as a client sending one would.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static HttpRequest parse(String requestLine, List<String> headerLines, String source, JsonNode claims) {
    String line = requestLine.strip();
    String method = "GET";
    int space = line.indexOf(' ');
    if (space > 0) {
      method = line.substring(0, space);
      line = line.substring(space + 1).strip();
      if (!method.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c == '-')) {
        throw new IllegalArgumentException("request method must be upper-case letters, not \"" + method + "\"");
      }
    }
    int sep = line.indexOf("://");
    if (sep <= 0) {
      throw new IllegalArgumentException("request must be [METHOD] http(s)://HOST[:PORT]/PATH, not \"" + requestLine + "\"");
    }
    String scheme = line.substring(0, sep).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("request scheme must be http or https, not \"" + scheme + "\"");
    }
    String rest = line.substring(sep + 3);
    int slash = indexOfAny(rest, "/?");
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "/" : rest.substring(slash);
    if (path.startsWith("?")) {
      path = "/" + path;
    }
    int hash = path.indexOf('#');
    if (hash >= 0) {
      path = path.substring(0, hash); // clients never send the fragment
    }
    if (authority.isEmpty()) {
      throw new IllegalArgumentException("request URL has no host: \"" + requestLine + "\"");
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String h : headerLines) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("header must be \"name: value\", not \"" + h + "\"");
      }
      headers.computeIfAbsent(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(h.substring(colon + 1).strip());
    }
    List<String> host = headers.remove("host");
    if (host != null && !host.isEmpty()) {
      authority = host.get(0);
    }
    return new HttpRequest(method, scheme, authority, path, headers, source, claims);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  public HttpRequest withPath(String newPath) {
    return new HttpRequest(method, scheme, authority, newPath, headers, sourceAddress, jwtClaims);
  }

  /** The authority's host, lower-case, without a port. */
  public String host() {
    return HostNames.withoutPort(authority).toLowerCase(Locale.ROOT);
  }

  /** The port the client connected to: the authority's, or the scheme's. */
  public int port() {
    return HostNames.port(authority).orElse(scheme.equals("https") ? 443 : 80);
  }

  /** The path without its query. */
  public String pathOnly() {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  /**
   * A header as Envoy's matchers read it: pseudo-headers from the request line, several values
   * joined by commas; empty when absent.
   */
  public Optional<String> header(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    switch (n) {
      case ":method":
        return Optional.of(method);
      case ":path":
        return Optional.of(path);
      case ":authority":
      case "host":
        return Optional.of(authority);
      case ":scheme":
        return Optional.of(scheme);
      default:
        List<String> values = headers.get(n);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
    }
  }

  /** The first value of a query parameter, decoded; empty when absent. */
  public Optional<String> queryParameter(String name) {
    int q = path.indexOf('?');
    if (q < 0) {
      return Optional.empty();
    }
    for (String pair : path.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) {
        return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return Optional.empty();
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a malformed escape is matched as sent
    }
  }

  /** {@code GET http://foo.bar.com/x}. */
  @Override
  public String toString() {
    return method + " " + scheme + "://" + authority + path;
  }
}

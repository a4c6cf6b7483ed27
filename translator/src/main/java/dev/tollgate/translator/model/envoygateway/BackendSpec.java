package dev.tollgate.translator.model.envoygateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The spec of a Backend ({@code gateway.envoyproxy.io/v1alpha1}): endpoints outside Kubernetes
 * Services — IP addresses, DNS names, unix domain sockets. {@code tls} is kept as a tree: Tollgate
 * rejects a Backend that asks for TLS rather than connect to it in plain text.
 */
public record BackendSpec(String type, List<Endpoint> endpoints, List<String> appProtocols, Boolean fallback, JsonNode tls) {

  public BackendSpec {
    endpoints = endpoints == null ? List.of() : endpoints;
    appProtocols = appProtocols == null ? List.of() : appProtocols;
  }

  /** Exactly one of {@code ip}, {@code fqdn} and {@code unix}. */
  public record Endpoint(Ip ip, Fqdn fqdn, Unix unix, String zone, String hostname) {}

  public record Ip(String address, Integer port) {}

  public record Fqdn(String hostname, Integer port) {}

  public record Unix(String path) {}
}

package dev.tollgate.translator.ir;

import dev.tollgate.translator.model.ObjectKey;
import java.util.List;

/**
 * One resolved backendRef: its endpoints and its weight within the destination.
 *
 * @param name {@code <cluster>/backend/<index>}, used as the locality of its endpoints
 * @param extension the object of an extension server's backend kind this backend is, or null
 * @param service the Service port the endpoints were read from, or null for other kinds: not
 *     shown, it is where the endpoints are read again from when only EndpointSlices change
 * @param object the object the backendRef names (a Service, a Backend, an extension's kind), or
 *     null for a backend no object names: provenance only, never in Envoy's configuration
 */
public record BackendIr(String name, int weight, List<EndpointIr> endpoints, ExtensionResourceIr extension,
    @com.fasterxml.jackson.annotation.JsonIgnore ServicePortIr service,
    @com.fasterxml.jackson.annotation.JsonIgnore ObjectKey object) {
  public BackendIr {
    endpoints = List.copyOf(endpoints);
  }

  public BackendIr(String name, int weight, List<EndpointIr> endpoints) {
    this(name, weight, endpoints, null, null, null);
  }

  /** The same backend with the endpoints its Service's EndpointSlices now give. */
  public BackendIr withEndpoints(List<EndpointIr> refreshed) {
    return new BackendIr(name, weight, refreshed, extension, service, object);
  }
}

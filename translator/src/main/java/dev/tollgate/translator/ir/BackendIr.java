package dev.tollgate.translator.ir;

import java.util.List;

/**
 * One resolved backendRef: its endpoints and its weight within the destination.
 *
 * @param name {@code <cluster>/backend/<index>}, used as the locality of its endpoints
 * @param extension the object of an extension server's backend kind this backend is, or null
 * @param service the Service port the endpoints were read from, or null for other kinds: not
 *     shown, it is where the endpoints are read again from when only EndpointSlices change
 */
public record BackendIr(String name, int weight, List<EndpointIr> endpoints, ExtensionResourceIr extension,
    @com.fasterxml.jackson.annotation.JsonIgnore ServicePortIr service) {
  public BackendIr {
    endpoints = List.copyOf(endpoints);
  }

  public BackendIr(String name, int weight, List<EndpointIr> endpoints) {
    this(name, weight, endpoints, null, null);
  }

  /** The same backend with the endpoints its Service's EndpointSlices now give. */
  public BackendIr withEndpoints(List<EndpointIr> refreshed) {
    return new BackendIr(name, weight, refreshed, extension, service);
  }
}

package dev.tollgate.translator.ir;

import java.util.List;

/**
 * One resolved backendRef: its endpoints and its weight within the destination.
 *
 * @param name {@code <cluster>/backend/<index>}, used as the locality of its endpoints
 * @param extension the object of an extension server's backend kind this backend is, or null
 */
public record BackendIr(String name, int weight, List<EndpointIr> endpoints, ExtensionResourceIr extension) {
  public BackendIr {
    endpoints = List.copyOf(endpoints);
  }

  public BackendIr(String name, int weight, List<EndpointIr> endpoints) {
    this(name, weight, endpoints, null);
  }
}

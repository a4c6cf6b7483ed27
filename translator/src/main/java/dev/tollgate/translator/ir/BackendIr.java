package dev.tollgate.translator.ir;

import java.util.List;

/**
 * One resolved backendRef: its endpoints and its weight within the destination.
 *
 * @param name {@code <cluster>/backend/<index>}, used as the locality of its endpoints
 */
public record BackendIr(String name, int weight, List<EndpointIr> endpoints) {
  public BackendIr {
    endpoints = List.copyOf(endpoints);
  }
}

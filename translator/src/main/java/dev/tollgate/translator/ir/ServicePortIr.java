package dev.tollgate.translator.ir;

/**
 * The Service port a backend's endpoints were read from (through the Service's EndpointSlices),
 * so that they can be read again when only EndpointSlices change.
 */
public record ServicePortIr(String namespace, String service, int port) {

  /** {@code namespace/name}, as EndpointSlices name their Service. */
  public String serviceKey() {
    return namespace + "/" + service;
  }
}

package dev.tollgate.translator.ir;

import dev.tollgate.translator.model.ObjectKey;
import java.util.List;

/**
 * Where a route sends traffic: one cluster whose endpoints are grouped per backend, each group
 * weighted by its backendRef's weight.
 *
 * @param name the cluster name, {@code httproute/ns/name/rule/i}
 * @param invalidWeight the summed weight of backendRefs that could not be resolved; that share of
 *     requests is answered with 500 as the Gateway API specification requires
 */
public record DestinationIr(
    String name, ObjectKey source, Protocol protocol, List<BackendIr> backends, int invalidWeight) {
  public DestinationIr {
    backends = List.copyOf(backends);
  }

  /** Objects of an extension's backend kinds among the backends: their cluster goes through the cluster hook. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public List<ExtensionResourceIr> extensionBackends() {
    return backends.stream().map(BackendIr::extension).filter(java.util.Objects::nonNull).toList();
  }

  public int validWeight() {
    return backends.stream().mapToInt(BackendIr::weight).sum();
  }

  /** Upstream protocol of the cluster. */
  public enum Protocol {
    HTTP1,
    HTTP2
  }
}

package dev.tollgate.translator.model.core;

import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectMeta;
import java.util.List;

/** discovery.k8s.io/v1 EndpointSlice; its {@code kubernetes.io/service-name} label names the Service. */
public record EndpointSlice(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    String addressType,
    List<Endpoint> endpoints,
    List<Port> ports)
    implements KubernetesObject {

  public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  public EndpointSlice {
    endpoints = endpoints == null ? List.of() : endpoints;
    ports = ports == null ? List.of() : ports;
  }

  public record Endpoint(
      List<String> addresses, Conditions conditions, String hostname, String nodeName, String zone) {
    public Endpoint {
      addresses = addresses == null ? List.of() : addresses;
    }
  }

  /** Endpoint readiness; Kubernetes says an unset {@code ready} is to be read as ready. */
  public record Conditions(Boolean ready, Boolean serving, Boolean terminating) {}

  public record Port(String name, Integer port, String protocol, String appProtocol) {}
}

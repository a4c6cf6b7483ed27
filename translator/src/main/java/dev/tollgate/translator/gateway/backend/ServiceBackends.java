package dev.tollgate.translator.gateway.backend;

import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.ir.DestinationIr.Protocol;
import dev.tollgate.translator.ir.EndpointIr;
import dev.tollgate.translator.ir.ServicePortIr;
import dev.tollgate.translator.model.core.EndpointSlice;
import dev.tollgate.translator.model.core.Service;
import dev.tollgate.translator.model.gatewayapi.GroupKind;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Resolves references to Kubernetes Services: the Service port, then its endpoints from the
 * Service's EndpointSlices (ready and not-ready endpoints kept apart).
 */
public final class ServiceBackends implements BackendKindResolver {

  private static final GroupKind SERVICE = new GroupKind("", "Service");

  private final ResourceSet resources;
  private final EndpointSliceIndex slices;

  public ServiceBackends(ResourceSet resources) {
    this(resources, new EndpointSliceIndex(resources.endpointSlices()));
  }

  public ServiceBackends(ResourceSet resources, EndpointSliceIndex slices) {
    this.resources = resources;
    this.slices = slices;
  }

  @Override
  public GroupKind kind() {
    return SERVICE;
  }

  @Override
  public BackendResolution resolve(BackendRequest request) {
    String service = request.namespace() + "/" + request.name();
    if (request.port() == null) {
      return new BackendResolution.Unresolved(Reason.PORT_NOT_SPECIFIED, "port is required to refer to Service " + service);
    }
    Optional<Service> found = resources.service(request.namespace(), request.name());
    if (found.isEmpty()) {
      return new BackendResolution.Unresolved(Reason.BACKEND_NOT_FOUND, "Service " + service + " " + resources.whyMissing(new ObjectKey("Service", request.namespace(), request.name())));
    }
    Service.Spec spec = found.get().spec();
    if (spec != null && "ExternalName".equals(spec.type())) {
      // The specification's support statement for the Service kind leaves ExternalName out.
      return new BackendResolution.Unresolved(Reason.INVALID_KIND,
          "Service " + service + " is of type ExternalName, which is not supported as a backend");
    }
    Optional<Service.Port> port = spec == null ? Optional.empty()
        : spec.ports().stream().filter(p -> request.port().equals(p.port())
            && "TCP".equals(Objects.requireNonNullElse(p.protocol(), "TCP"))).findFirst();
    if (port.isEmpty()) {
      return new BackendResolution.Unresolved(Reason.PORT_NOT_FOUND,
          "TCP port " + request.port() + " not found on Service " + service);
    }
    Optional<Protocol> protocol = protocolOf(port.get().appProtocol());
    if (protocol.isEmpty()) {
      return new BackendResolution.Unresolved(Reason.UNSUPPORTED_PROTOCOL,
          "appProtocol " + port.get().appProtocol() + " of Service " + service + " port " + request.port() + " is not supported");
    }
    return new BackendResolution.Resolved(endpoints(request.namespace(), request.name(), port.get()), protocol.get(),
        null, new ServicePortIr(request.namespace(), request.name(), request.port()));
  }

  /**
   * The endpoints of a Service port resolved before, read again from the EndpointSlices; the
   * Service itself must be unchanged since, so its port is still there.
   */
  public List<EndpointIr> endpoints(ServicePortIr ref) {
    Service.Port port = resources.service(ref.namespace(), ref.service()).map(Service::spec).stream()
        .flatMap(s -> s.ports().stream())
        .filter(p -> p.port() != null && p.port() == ref.port() && "TCP".equals(Objects.requireNonNullElse(p.protocol(), "TCP")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Service " + ref.serviceKey() + " has no TCP port " + ref.port()));
    return endpoints(ref.namespace(), ref.service(), port);
  }

  /** HTTP/1.1 unless the port says h2c; protocols needing TLS to the backend are not supported. */
  private static Optional<Protocol> protocolOf(String appProtocol) {
    if (appProtocol == null || appProtocol.isEmpty()) {
      return Optional.of(Protocol.HTTP1);
    }
    return switch (appProtocol) {
      case "kubernetes.io/h2c", "h2c", "grpc" -> Optional.of(Protocol.HTTP2);
      case "http", "kubernetes.io/ws", "HTTP" -> Optional.of(Protocol.HTTP1);
      default -> Optional.empty();
    };
  }

  /**
   * Endpoints for the Service port, from slices whose port has the Service port's name. An address
   * listed in several slices appears once, ready if any slice says so.
   */
  private List<EndpointIr> endpoints(String namespace, String service, Service.Port servicePort) {
    String portName = Objects.requireNonNullElse(servicePort.name(), "");
    Map<String, EndpointIr> byAddress = new TreeMap<>();
    for (EndpointSlice slice : slices.forService(namespace, service)) {
      String type = Objects.requireNonNullElse(slice.addressType(), "IPv4");
      if (!type.equals("IPv4") && !type.equals("IPv6")) {
        continue;
      }
      Optional<EndpointSlice.Port> port = slice.ports().stream()
          .filter(p -> portName.equals(Objects.requireNonNullElse(p.name(), ""))
              && "TCP".equals(Objects.requireNonNullElse(p.protocol(), "TCP"))
              && p.port() != null)
          .findFirst();
      if (port.isEmpty()) {
        continue;
      }
      for (EndpointSlice.Endpoint endpoint : slice.endpoints()) {
        boolean ready = isReady(endpoint.conditions());
        for (String address : endpoint.addresses()) {
          EndpointIr candidate = EndpointIr.ip(address, port.get().port(), ready);
          byAddress.merge(address + ":" + candidate.port(), candidate, (a, b) -> a.ready() ? a : b);
        }
      }
    }
    return byAddress.values().stream()
        .sorted(Comparator.comparing(EndpointIr::address).thenComparingInt(EndpointIr::port))
        .toList();
  }

  /**
   * Kubernetes reads an unset {@code ready} as ready; a terminating endpoint takes no new traffic
   * even when it is still serving.
   */
  static boolean isReady(EndpointSlice.Conditions conditions) {
    if (conditions == null) {
      return true;
    }
    if (Boolean.TRUE.equals(conditions.terminating())) {
      return false;
    }
    return !Boolean.FALSE.equals(conditions.ready());
  }
}

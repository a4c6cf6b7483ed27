package dev.tollgate.translator.gateway.backend;

import dev.tollgate.translator.ir.DestinationIr.Protocol;
import dev.tollgate.translator.ir.BackendIr;
import dev.tollgate.translator.ir.EndpointIr;
import dev.tollgate.translator.ir.ExtensionResourceIr;
import dev.tollgate.translator.ir.ServicePortIr;
import java.util.List;

/** The outcome of resolving one backendRef. */
public sealed interface BackendResolution {

  /**
   * The backend's endpoints (possibly none) and the protocol to speak to them.
   *
   * @param extension for a backend of an extension server's kind, the object itself (its cluster
   *     is left for the extension's cluster hook to complete); otherwise null
   * @param service for a Service, the port whose EndpointSlices gave the endpoints; otherwise null
   */
  record Resolved(List<EndpointIr> endpoints, Protocol protocol, ExtensionResourceIr extension, ServicePortIr service)
      implements BackendResolution {
    public Resolved {
      endpoints = List.copyOf(endpoints);
    }

    public Resolved(List<EndpointIr> endpoints, Protocol protocol) {
      this(endpoints, protocol, null, null);
    }

    public Resolved(List<EndpointIr> endpoints, Protocol protocol, ExtensionResourceIr extension) {
      this(endpoints, protocol, extension, null);
    }

    /** The backend this resolution gives within a destination. */
    public BackendIr backend(String name, int weight) {
      return new BackendIr(name, weight, endpoints, extension, service);
    }
  }

  /** Why the reference cannot be used, as a ResolvedRefs reason and a message. */
  record Unresolved(String reason, String message) implements BackendResolution {}
}

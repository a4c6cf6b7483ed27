package dev.tollgate.translator.gateway.backend;

import dev.tollgate.translator.ir.DestinationIr.Protocol;
import dev.tollgate.translator.ir.BackendIr;
import dev.tollgate.translator.ir.EndpointIr;
import dev.tollgate.translator.ir.ExtensionResourceIr;
import dev.tollgate.translator.ir.ServicePortIr;
import dev.tollgate.translator.model.ObjectKey;
import java.util.List;

/** The outcome of resolving one backendRef. */
public sealed interface BackendResolution {

  /**
   * The backend's endpoints (possibly none) and the protocol to speak to them.
   *
   * @param extension for a backend of an extension server's kind, the object itself (its cluster
   *     is left for the extension's cluster hook to complete); otherwise null
   * @param service for a Service, the port whose EndpointSlices gave the endpoints; otherwise null
   * @param object the object the reference named (set by the resolver, for provenance)
   */
  record Resolved(List<EndpointIr> endpoints, Protocol protocol, ExtensionResourceIr extension, ServicePortIr service,
      ObjectKey object) implements BackendResolution {
    public Resolved {
      endpoints = List.copyOf(endpoints);
    }

    public Resolved(List<EndpointIr> endpoints, Protocol protocol) {
      this(endpoints, protocol, null, null, null);
    }

    public Resolved(List<EndpointIr> endpoints, Protocol protocol, ExtensionResourceIr extension) {
      this(endpoints, protocol, extension, null, null);
    }

    public Resolved(List<EndpointIr> endpoints, Protocol protocol, ExtensionResourceIr extension, ServicePortIr service) {
      this(endpoints, protocol, extension, service, null);
    }

    /** The same resolution, of the object the reference named. */
    public Resolved of(ObjectKey named) {
      return new Resolved(endpoints, protocol, extension, service, named);
    }

    /** The backend this resolution gives within a destination. */
    public BackendIr backend(String name, int weight) {
      return new BackendIr(name, weight, endpoints, extension, service, object);
    }
  }

  /** Why the reference cannot be used, as a ResolvedRefs reason and a message. */
  record Unresolved(String reason, String message) implements BackendResolution {}
}

package dev.tollgate.translator.gateway.backend;

import dev.tollgate.translator.ir.DestinationIr.Protocol;
import dev.tollgate.translator.ir.EndpointIr;
import java.util.List;

/** The outcome of resolving one backendRef. */
public sealed interface BackendResolution {

  /** The backend's endpoints (possibly none) and the protocol to speak to them. */
  record Resolved(List<EndpointIr> endpoints, Protocol protocol) implements BackendResolution {
    public Resolved {
      endpoints = List.copyOf(endpoints);
    }
  }

  /** Why the reference cannot be used, as a ResolvedRefs reason and a message. */
  record Unresolved(String reason, String message) implements BackendResolution {}
}

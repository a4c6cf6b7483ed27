package dev.tollgate.translator.gateway.backend;

import dev.tollgate.translator.ir.DestinationIr.Protocol;
import dev.tollgate.translator.ir.EndpointIr;
import dev.tollgate.translator.ir.ExtensionResourceIr;
import java.util.List;

/** The outcome of resolving one backendRef. */
public sealed interface BackendResolution {

  /**
   * The backend's endpoints (possibly none) and the protocol to speak to them.
   *
   * @param extension for a backend of an extension server's kind, the object itself (its cluster
   *     is left for the extension's cluster hook to complete); otherwise null
   */
  record Resolved(List<EndpointIr> endpoints, Protocol protocol, ExtensionResourceIr extension) implements BackendResolution {
    public Resolved {
      endpoints = List.copyOf(endpoints);
    }

    public Resolved(List<EndpointIr> endpoints, Protocol protocol) {
      this(endpoints, protocol, null);
    }
  }

  /** Why the reference cannot be used, as a ResolvedRefs reason and a message. */
  record Unresolved(String reason, String message) implements BackendResolution {}
}

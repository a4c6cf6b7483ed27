package dev.tollgate.translator.gateway.backend;

import dev.tollgate.translator.model.ObjectKey;

/**
 * A backend reference to resolve.
 *
 * @param from the object holding the reference (an HTTPRoute, GRPCRoute or a policy)
 * @param fromGroup API group of {@code from}, for ReferenceGrant checks
 * @param namespace the target's namespace, defaulted to the referrer's
 * @param purpose what the backend is for, since some kinds may serve a policy but not a route
 */
public record BackendRequest(
    ObjectKey from, String fromGroup, String name, String namespace, Integer port, Purpose purpose) {

  public enum Purpose {
    ROUTE,
    POLICY
  }
}

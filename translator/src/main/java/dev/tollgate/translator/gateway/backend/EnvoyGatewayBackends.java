package dev.tollgate.translator.gateway.backend;

import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.gatewayapi.GroupKind;
import dev.tollgate.translator.status.ConditionTypes.Reason;

/**
 * Resolves references to Envoy Gateway's Backend kind. A Backend with a unix domain socket
 * endpoint may serve a policy (an authorization service in a sidecar) but not a route: a route
 * author must not be able to reach whatever listens on the proxy's local sockets.
 */
public final class EnvoyGatewayBackends implements BackendKindResolver {

  private static final GroupKind BACKEND = new GroupKind(Kinds.ENVOY_GATEWAY_GROUP, BackendObjects.KIND);

  private final BackendObjects backends;

  public EnvoyGatewayBackends(BackendObjects backends) {
    this.backends = backends;
  }

  @Override
  public GroupKind kind() {
    return BACKEND;
  }

  @Override
  public BackendResolution resolve(BackendRequest request) {
    String name = request.namespace() + "/" + request.name();
    if (!backends.enabled()) {
      return new BackendResolution.Unresolved(Reason.INVALID_KIND,
          "Backend " + name + " cannot be used: Backends are disabled in Tollgate's configuration (enableBackend)");
    }
    ObjectKey key = new ObjectKey(BackendObjects.KIND, request.namespace(), request.name());
    BackendObjects.Parsed parsed = backends.get(key);
    if (parsed == null) {
      String problem = backends.problem(key);
      return problem == null
          ? new BackendResolution.Unresolved(Reason.BACKEND_NOT_FOUND, "Backend " + name + " does not exist")
          : new BackendResolution.Unresolved(Reason.INVALID_BACKEND, "Backend " + name + " is not accepted: " + problem);
    }
    if (parsed.unix() && request.purpose() == BackendRequest.Purpose.ROUTE) {
      return new BackendResolution.Unresolved(Reason.UNSUPPORTED_ADDRESS_TYPE, "Backend " + name
          + " is a unix domain socket, which may serve a policy (such as external authorization) but not a route");
    }
    return new BackendResolution.Resolved(parsed.endpoints(), parsed.protocol());
  }
}

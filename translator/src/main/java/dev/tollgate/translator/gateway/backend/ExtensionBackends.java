package dev.tollgate.translator.gateway.backend;

import dev.tollgate.translator.extension.ExtensionObjects;
import dev.tollgate.translator.ir.DestinationIr.Protocol;
import dev.tollgate.translator.model.gatewayapi.GroupKind;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import java.util.List;

/**
 * backendRefs to a kind an extension server owns ({@code extensionManager.backendResources}).
 * Tollgate cannot know their endpoints: the route gets a cluster without any, which the
 * extension's cluster hook completes.
 */
public final class ExtensionBackends implements BackendKindResolver {

  private final GroupKind kind;
  private final ExtensionObjects objects;

  public ExtensionBackends(GroupKind kind, ExtensionObjects objects) {
    this.kind = kind;
    this.objects = objects;
  }

  @Override
  public GroupKind kind() {
    return kind;
  }

  @Override
  public BackendResolution resolve(BackendRequest request) {
    if (request.purpose() != BackendRequest.Purpose.ROUTE) {
      return new BackendResolution.Unresolved(Reason.INVALID_KIND, "backend kind " + kind + " can only be used by routes");
    }
    return objects.find(kind, request.namespace(), request.name())
        .<BackendResolution>map(o -> new BackendResolution.Resolved(List.of(), Protocol.HTTP1, o))
        .orElseGet(() -> new BackendResolution.Unresolved(Reason.BACKEND_NOT_FOUND,
            kind + " " + request.namespace() + "/" + request.name() + " not found"));
  }
}

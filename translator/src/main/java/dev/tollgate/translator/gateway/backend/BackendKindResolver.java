package dev.tollgate.translator.gateway.backend;

import dev.tollgate.translator.model.gatewayapi.GroupKind;

/** Resolves backendRefs of one kind (Service, Backend, ...); registered with {@link BackendResolver}. */
public interface BackendKindResolver {

  GroupKind kind();

  /**
   * Resolves a reference whose namespace is already filled in and permitted.
   *
   * @param request the reference and who makes it
   */
  BackendResolution resolve(BackendRequest request);
}

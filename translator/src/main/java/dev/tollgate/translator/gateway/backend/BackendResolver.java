package dev.tollgate.translator.gateway.backend;

import dev.tollgate.translator.gateway.ReferenceGrants;
import dev.tollgate.translator.gateway.ReferenceGrants.Ref;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.gatewayapi.BackendObjectReference;
import dev.tollgate.translator.model.gatewayapi.GroupKind;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves backend references: fills in defaults (a Service in the referrer's namespace), enforces
 * ReferenceGrants for other namespaces, and hands the reference to the resolver of its kind.
 */
public final class BackendResolver {

  private final ReferenceGrants grants;
  private final Map<GroupKind, BackendKindResolver> byKind = new LinkedHashMap<>();

  public BackendResolver(ReferenceGrants grants, List<BackendKindResolver> resolvers) {
    this.grants = grants;
    resolvers.forEach(r -> byKind.put(r.kind(), r));
  }

  public BackendResolution resolve(
      ObjectKey from, String fromGroup, BackendObjectReference ref, BackendRequest.Purpose purpose) {
    GroupKind kind = new GroupKind(Objects.requireNonNullElse(ref.group(), ""), Objects.requireNonNullElse(ref.kind(), "Service"));
    BackendKindResolver resolver = byKind.get(kind);
    if (resolver == null) {
      return new BackendResolution.Unresolved(Reason.INVALID_KIND, "backend kind " + kind + " is not supported");
    }
    String name = Objects.requireNonNullElse(ref.name(), "");
    if (name.isEmpty()) {
      return new BackendResolution.Unresolved(Reason.BACKEND_NOT_FOUND, "backend name is required");
    }
    String namespace = ref.namespace() == null || ref.namespace().isEmpty() ? from.namespace() : ref.namespace();
    if (!grants.permits(Ref.from(fromGroup, from.kind(), from.namespace()), new Ref(kind.group(), kind.kind(), namespace, name))) {
      return new BackendResolution.Unresolved(Reason.REF_NOT_PERMITTED,
          kind.kind() + " " + namespace + "/" + name + " is in another namespace and no ReferenceGrant allows "
              + plural(from.kind()) + " in " + from.namespace() + " to refer to it");
    }
    BackendResolution resolution = resolver.resolve(new BackendRequest(from, fromGroup, name, namespace, ref.port(), purpose));
    return resolution instanceof BackendResolution.Resolved r ? r.of(new ObjectKey(kind.kind(), namespace, name)) : resolution;
  }

  private static String plural(String kind) {
    return kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
  }
}

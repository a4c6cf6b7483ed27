package dev.tollgate.translator.extension;

import dev.tollgate.translator.model.gatewayapi.GroupKind;
import java.util.HashSet;
import java.util.Set;

/**
 * The kinds an extension server owns, as configured in {@code extensionManager}: kinds routes may
 * name in {@code extensionRef} filters, policy kinds that target Gateways and routes, and backend
 * kinds routes may send traffic to. Objects of these kinds are read whole and handed to the
 * extension; Tollgate does not interpret them.
 */
public record ExtensionKinds(Set<GroupKind> resources, Set<GroupKind> policyResources, Set<GroupKind> backendResources) {

  public static final ExtensionKinds NONE = new ExtensionKinds(Set.of(), Set.of(), Set.of());

  public ExtensionKinds {
    resources = Set.copyOf(resources);
    policyResources = Set.copyOf(policyResources);
    backendResources = Set.copyOf(backendResources);
  }

  public boolean isEmpty() {
    return resources.isEmpty() && policyResources.isEmpty() && backendResources.isEmpty();
  }

  /** Every configured kind, whatever its role. */
  public Set<GroupKind> all() {
    Set<GroupKind> out = new HashSet<>(resources);
    out.addAll(policyResources);
    out.addAll(backendResources);
    return out;
  }

  public boolean contains(GroupKind kind) {
    return resources.contains(kind) || policyResources.contains(kind) || backendResources.contains(kind);
  }
}

package dev.tollgate.translator.gateway;

import dev.tollgate.translator.model.gatewayapi.ReferenceGrant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Answers whether an object may refer to an object in another namespace. Same-namespace references
 * are always allowed; cross-namespace ones need a ReferenceGrant in the target's namespace.
 */
public final class ReferenceGrants {

  private final Map<String, List<ReferenceGrant>> byNamespace;

  public ReferenceGrants(List<ReferenceGrant> grants) {
    this.byNamespace = grants.stream().collect(Collectors.groupingBy(g -> g.metadata().namespace()));
  }

  /**
   * @param from the referring object: group, kind, namespace
   * @param to the referred object: group, kind, namespace, name
   */
  public boolean permits(Ref from, Ref to) {
    if (from.namespace().equals(to.namespace())) {
      return true;
    }
    for (ReferenceGrant grant : byNamespace.getOrDefault(to.namespace(), List.of())) {
      if (grant.spec() == null) {
        continue;
      }
      boolean fromOk = grant.spec().from().stream().anyMatch(f ->
          nz(f.group()).equals(from.group()) && from.kind().equals(f.kind()) && from.namespace().equals(f.namespace()));
      boolean toOk = grant.spec().to().stream().anyMatch(t ->
          nz(t.group()).equals(to.group()) && to.kind().equals(t.kind())
              && (t.name() == null || t.name().isEmpty() || t.name().equals(to.name())));
      if (fromOk && toOk) {
        return true;
      }
    }
    return false;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** One side of a reference; {@code name} is ignored for the referring side. */
  public record Ref(String group, String kind, String namespace, String name) {
    public static Ref from(String group, String kind, String namespace) {
      return new Ref(group, kind, namespace, "");
    }
  }
}

package dev.tollgate.translator.gateway.policy;

import dev.tollgate.translator.gateway.policy.PolicyProblems;
import dev.tollgate.translator.gateway.ReferenceGrants;
import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.core.Secret;
import dev.tollgate.translator.model.envoygateway.SecretReference;
import java.util.Objects;

/**
 * Secrets a policy reads credentials from: only core Secrets, in another namespace only where a
 * ReferenceGrant there allows policies of that kind from the policy's namespace. Problems name
 * the Secret, never its contents.
 */
public final class PolicySecrets {

  private final ResourceSet resources;
  private final ReferenceGrants grants;

  public PolicySecrets(ResourceSet resources, ReferenceGrants grants) {
    this.resources = resources;
    this.grants = grants;
  }

  /** The Secret, or null with the reason added to {@code problems}. */
  public Secret read(KubernetesObject policy, SecretReference ref, String field, PolicyProblems problems) {
    String group = Objects.requireNonNullElse(ref.group(), "");
    String kind = Objects.requireNonNullElse(ref.kind(), "Secret");
    if (!group.isEmpty() || !kind.equals("Secret")) {
      problems.add(field + ".kind", kind + (group.isEmpty() ? "" : "." + group) + " is not supported; use a Secret");
      return null;
    }
    String own = policy.metadata().namespace();
    String namespace = ref.namespace() == null || ref.namespace().isEmpty() ? own : ref.namespace();
    String name = Objects.requireNonNullElse(ref.name(), "");
    if (!grants.permits(ReferenceGrants.Ref.from(Kinds.ENVOY_GATEWAY_GROUP, policy.kind(), own),
        new ReferenceGrants.Ref("", "Secret", namespace, name))) {
      problems.add(field, "Secret " + namespace + "/" + name + " is in another namespace and no ReferenceGrant allows it");
      return null;
    }
    Secret secret = resources.secret(namespace, name).orElse(null);
    if (secret == null) {
      problems.add(field, "Secret " + namespace + "/" + name + " " + resources.whyMissing(new ObjectKey("Secret", namespace, name)));
    }
    return secret;
  }

  public static String describe(Secret s) {
    return "Secret " + s.metadata().namespace() + "/" + s.metadata().name();
  }
}

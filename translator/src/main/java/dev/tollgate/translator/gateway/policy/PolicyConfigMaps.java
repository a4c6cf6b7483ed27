package dev.tollgate.translator.gateway.policy;

import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.core.ConfigMap;
import dev.tollgate.translator.model.envoygateway.JwtSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * ConfigMaps a policy reads a value from ({@code valueRef}: JWKS, Lua scripts), in the policy's
 * own namespace.
 */
public final class PolicyConfigMaps {

  private final ResourceSet resources;

  public PolicyConfigMaps(ResourceSet resources) {
    this.resources = resources;
  }

  /**
   * The ConfigMap's value under {@code key}; else its only value ({@code firstOtherwise} false) or
   * its first by key name (true); null after recording why there is none.
   */
  public String value(KubernetesObject policy, JwtSpec.LocalObjectReference ref, String key, boolean firstOtherwise,
      String field, PolicyProblems problems) {
    if (ref == null) {
      problems.add(field, "is required when type is ValueRef");
      return null;
    }
    if (!"ConfigMap".equals(ref.kind()) || !(ref.group() == null || ref.group().isEmpty())) {
      problems.add(field + ".kind", "must be ConfigMap");
      return null;
    }
    String namespace = policy.metadata().namespace();
    String described = "ConfigMap " + namespace + "/" + ref.name();
    ConfigMap map = resources.configMap(namespace, ref.name()).orElse(null);
    if (map == null) {
      problems.add(field, described + " " + resources.whyMissing(new ObjectKey("ConfigMap", namespace, ref.name())));
      return null;
    }
    Map<String, String> data = new TreeMap<>(map.data());
    if (data.containsKey(key)) {
      return data.get(key);
    }
    if (data.size() == 1 || (firstOtherwise && !data.isEmpty())) {
      return data.values().iterator().next();
    }
    problems.add(field, described + " has no key " + key + (firstOtherwise ? " (and no other)" : " (and not exactly one key)"));
    return null;
  }
}

package dev.tollgate.serve.snapshot;

import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one publication changed: the Gateways whose configuration is new, and per type the
 * resources added, changed or removed in them (by encoding), which is what their proxies are sent.
 */
public final class PublishedChanges {

  private final Set<String> gateways = new HashSet<>();
  private final Map<XdsType, Integer> resources = new EnumMap<>(XdsType.class);

  /** Counts what a new snapshot found different from the one it replaced. */
  void gateway(String gateway, Map<XdsType, Integer> changed) {
    gateways.add(gateway);
    changed.forEach((type, n) -> resources.merge(type, n, Integer::sum));
  }

  /** Counts what differs between a Gateway's previous configuration (null: none) and its next one. */
  void gateway(String gateway, GatewayXds before, GatewayXds after) {
    gateways.add(gateway);
    for (XdsType type : XdsType.values()) {
      Set<String> names = new HashSet<>();
      after.resources(type).forEach(m -> names.add(type.nameOf(m)));
      if (before != null) {
        before.resources(type).forEach(m -> names.add(type.nameOf(m)));
      }
      int changed = 0;
      for (String name : names) {
        var old = before == null ? null : before.encoded(type, name);
        if (old == null || !old.equals(after.encoded(type, name))) {
          changed++;
        }
      }
      if (changed > 0) {
        resources.merge(type, changed, Integer::sum);
      }
    }
  }

  public int gateways() {
    return gateways.size();
  }

  /** Resources added, changed or removed, by type; types without any are absent. */
  public Map<XdsType, Integer> resources() {
    return Map.copyOf(resources);
  }

  public int resourceCount() {
    return resources.values().stream().mapToInt(Integer::intValue).sum();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    resources.forEach((type, n) -> sb.append(sb.isEmpty() ? "" : ", ").append(n).append(' ').append(type.key()));
    return gateways.size() + (gateways.size() == 1 ? " gateway" : " gateways") + " changed"
        + (resources.isEmpty() ? "" : " (" + sb + ")");
  }
}

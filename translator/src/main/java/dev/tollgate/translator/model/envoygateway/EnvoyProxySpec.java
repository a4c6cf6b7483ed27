package dev.tollgate.translator.model.envoygateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The part of an EnvoyProxy ({@code gateway.envoyproxy.io/v1alpha1}) that Tollgate reads: the
 * filter order, which shapes generated configuration, and {@code telemetry}, kept as a tree for
 * the check that reports it as not implemented. Its other fields (how proxies are deployed, ...)
 * belong to whoever runs the proxies and are not read.
 */
public record EnvoyProxySpec(List<FilterPosition> filterOrder, JsonNode telemetry) {

  public EnvoyProxySpec {
    filterOrder = filterOrder == null ? List.of() : filterOrder;
  }

  /** The defaults: what an EnvoyProxy without a spec, or no EnvoyProxy at all, means. */
  public static EnvoyProxySpec defaults() {
    return new EnvoyProxySpec(null, null);
  }

  /** Moves the filters named {@code name} before or after the filters named by the other field. */
  public record FilterPosition(String name, String before, String after) {}
}

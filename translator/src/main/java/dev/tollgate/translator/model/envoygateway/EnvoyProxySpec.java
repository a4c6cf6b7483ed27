package dev.tollgate.translator.model.envoygateway;

import java.util.List;

/**
 * The part of an EnvoyProxy ({@code gateway.envoyproxy.io/v1alpha1}) that shapes generated
 * configuration. Its other fields (how proxies are deployed, telemetry, ...) belong to whoever
 * runs the proxies and are not read.
 */
public record EnvoyProxySpec(List<FilterPosition> filterOrder) {

  public EnvoyProxySpec {
    filterOrder = filterOrder == null ? List.of() : filterOrder;
  }

  /** Moves the filters named {@code name} before or after the filters named by the other field. */
  public record FilterPosition(String name, String before, String after) {}
}

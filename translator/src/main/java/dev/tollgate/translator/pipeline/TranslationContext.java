package dev.tollgate.translator.pipeline;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.status.ObjectStatus;
import dev.tollgate.translator.xds.GatewayXds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state the stages after xDS generation work on: each Gateway's resources (which a stage may
 * replace, or withdraw when they must not be published), statuses and problems.
 */
public final class TranslationContext {

  private final TranslatorConfig config;
  private final ResourceSet resources;
  private final Map<String, GatewayXds> gateways;
  private final List<ObjectStatus> statuses;
  private final List<Problem> problems = new ArrayList<>();

  TranslationContext(TranslatorConfig config, ResourceSet resources, Map<String, GatewayXds> gateways, List<ObjectStatus> statuses) {
    this.config = config;
    this.resources = resources;
    this.gateways = new LinkedHashMap<>(gateways);
    this.statuses = new ArrayList<>(statuses);
  }

  public TranslatorConfig config() {
    return config;
  }

  public ResourceSet resources() {
    return resources;
  }

  /** Gateways still to be published, by {@code namespace/name}. */
  public Map<String, GatewayXds> gateways() {
    return gateways;
  }

  public void replace(GatewayXds gateway) {
    gateways.put(gateway.gateway(), gateway);
  }

  /** Stops a Gateway's configuration from being published; serving keeps its last good one. */
  public void withhold(String gateway, String reason) {
    gateways.remove(gateway);
    problems.add(Problem.error(gateway, reason));
  }

  public List<ObjectStatus> statuses() {
    return statuses;
  }

  public List<Problem> problems() {
    return problems;
  }
}

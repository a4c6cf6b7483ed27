package dev.tollgate.translator.pipeline;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.ir.XdsIr;
import dev.tollgate.translator.status.ConditionTypes;
import dev.tollgate.translator.status.GatewayStatus;
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
  private final XdsIr ir;
  private final Map<String, GatewayXds> gateways;
  private final List<ObjectStatus> statuses;
  private final List<Problem> problems = new ArrayList<>();

  TranslationContext(TranslatorConfig config, ResourceSet resources, XdsIr ir, Map<String, GatewayXds> gateways,
      List<ObjectStatus> statuses) {
    this.config = config;
    this.resources = resources;
    this.ir = ir;
    this.gateways = new LinkedHashMap<>(gateways);
    this.statuses = new ArrayList<>(statuses);
  }

  public TranslatorConfig config() {
    return config;
  }

  public ResourceSet resources() {
    return resources;
  }

  /** What the gateway stage made of the input, which the generated resources were built from. */
  public XdsIr ir() {
    return ir;
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
    withhold(gateway, Problem.error(gateway, reason));
  }

  /** Stops a Gateway's configuration from being published, for the given problem. */
  public void withhold(String gateway, Problem problem) {
    gateways.remove(gateway);
    problems.add(problem);
  }

  /** Rewrites a Gateway's Programmed condition to False (its configuration is not being served). */
  public void markGatewayNotProgrammed(String gateway, String reason, String message) {
    for (int i = 0; i < statuses.size(); i++) {
      ObjectStatus s = statuses.get(i);
      if (s.kind().equals("Gateway") && (s.namespace() + "/" + s.name()).equals(gateway)
          && s.status() instanceof GatewayStatus g) {
        statuses.set(i, new ObjectStatus(s.apiVersion(), s.kind(), s.namespace(), s.name(),
            g.withCondition(ConditionTypes.PROGRAMMED, false, reason, message)));
      }
    }
  }

  public List<ObjectStatus> statuses() {
    return statuses;
  }

  public List<Problem> problems() {
    return problems;
  }
}

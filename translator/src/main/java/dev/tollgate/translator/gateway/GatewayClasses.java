package dev.tollgate.translator.gateway;

import static dev.tollgate.translator.status.ConditionTypes.ACCEPTED;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.model.gatewayapi.GatewayClass;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import dev.tollgate.translator.status.Conditions;
import dev.tollgate.translator.status.GatewayClassStatus;
import dev.tollgate.translator.status.ObjectStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Decides which GatewayClasses are Tollgate's and whether they are accepted. */
final class GatewayClasses {

  private final Set<String> accepted = new HashSet<>();
  private final Set<String> ours = new HashSet<>();

  GatewayClasses(ResourceSet resources, TranslatorConfig config, List<ObjectStatus> statuses) {
    for (GatewayClass gc : resources.gatewayClasses()) {
      if (gc.spec() == null || !config.controllerName().equals(gc.spec().controllerName())) {
        continue;
      }
      ours.add(gc.metadata().name());
      Conditions conditions = new Conditions(gc.metadata().generation(), config.transitionTime());
      String problem = parametersProblem(gc.spec().parametersRef(), resources);
      if (problem == null) {
        conditions.set(ACCEPTED, true, Reason.ACCEPTED, "GatewayClass is accepted");
        accepted.add(gc.metadata().name());
      } else {
        conditions.set(ACCEPTED, false, Reason.INVALID_PARAMETERS, problem);
      }
      statuses.add(new ObjectStatus(gc.apiVersion(), gc.kind(), "", gc.metadata().name(),
          new GatewayClassStatus(conditions.list())));
    }
  }

  /** The only parameters Tollgate reads are an EnvoyProxy, which must exist. */
  private static String parametersProblem(GatewayClass.ParametersReference ref, ResourceSet resources) {
    if (ref == null) {
      return null;
    }
    if (!Kinds.ENVOY_GATEWAY_GROUP.equals(ref.group()) || !"EnvoyProxy".equals(ref.kind())) {
      return "parametersRef must refer to an EnvoyProxy (group " + Kinds.ENVOY_GATEWAY_GROUP + ")";
    }
    if (ref.namespace() == null || ref.namespace().isEmpty()) {
      return "parametersRef.namespace is required for an EnvoyProxy";
    }
    if (resources.get("EnvoyProxy", dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy.class,
        ref.namespace(), ref.name()).isEmpty()) {
      return "EnvoyProxy " + ref.namespace() + "/" + ref.name() + " does not exist";
    }
    return null;
  }

  boolean isOurs(String className) {
    return ours.contains(className);
  }

  boolean isAccepted(String className) {
    return accepted.contains(className);
  }
}

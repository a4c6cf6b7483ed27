package dev.tollgate.translator.gateway;

import static dev.tollgate.translator.status.ConditionTypes.ACCEPTED;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.gateway.envoyproxy.EnvoyProxies;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.model.gatewayapi.GatewayClass;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import dev.tollgate.translator.status.Conditions;
import dev.tollgate.translator.status.GatewayClassStatus;
import dev.tollgate.translator.status.ObjectStatus;
import dev.tollgate.translator.model.envoygateway.EnvoyProxySpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decides which GatewayClasses are Tollgate's and whether they are accepted. */
final class GatewayClasses {

  private final Map<String, EnvoyProxySpec> accepted = new HashMap<>();
  private final Set<String> ours = new HashSet<>();
  private final List<String> notices = new ArrayList<>();

  GatewayClasses(ResourceSet resources, EnvoyProxies proxies, TranslatorConfig config, List<ObjectStatus> statuses) {
    for (GatewayClass gc : resources.gatewayClasses()) {
      if (gc.spec() == null || !config.controllerName().equals(gc.spec().controllerName())) {
        othersClass(resources, config, gc);
        continue;
      }
      ours.add(gc.metadata().name());
      Conditions conditions = new Conditions(gc.metadata().generation(), config.transitionTime());
      EnvoyProxies.Lookup parameters = proxies.forClass(gc);
      if (parameters instanceof EnvoyProxies.Lookup.Found found) {
        conditions.set(ACCEPTED, true, Reason.ACCEPTED, "GatewayClass is accepted");
        accepted.put(gc.metadata().name(), found.spec());
      } else {
        conditions.set(ACCEPTED, false, Reason.INVALID_PARAMETERS, ((EnvoyProxies.Lookup.Problem) parameters).message());
      }
      statuses.add(new ObjectStatus(gc.apiVersion(), gc.kind(), "", gc.metadata().name(),
          new GatewayClassStatus(conditions.list())));
    }
  }

  /** A class of another controller: its Gateways are not Tollgate's, which is worth saying when it has some. */
  private void othersClass(ResourceSet resources, TranslatorConfig config, GatewayClass gc) {
    String controller = gc.spec() == null ? null : gc.spec().controllerName();
    long gateways = resources.gateways().stream()
        .filter(g -> g.spec() != null && gc.metadata().name().equals(g.spec().gatewayClassName())).count();
    if (gateways > 0 && controller != null) {
      notices.add("GatewayClass " + gc.metadata().name() + " names controller " + controller + ", not Tollgate's ("
          + config.controllerName() + "), so its " + gateways + (gateways == 1 ? " Gateway is" : " Gateways are")
          + " not translated; to translate them, pass --controller-name " + controller);
    }
  }

  /** What was left alone, worth a warning. */
  List<String> notices() {
    return List.copyOf(notices);
  }

  boolean isOurs(String className) {
    return ours.contains(className);
  }

  boolean isAccepted(String className) {
    return accepted.containsKey(className);
  }

  /** The EnvoyProxy settings of an accepted class (defaults when it names none). */
  EnvoyProxySpec parameters(String className) {
    return accepted.get(className);
  }
}

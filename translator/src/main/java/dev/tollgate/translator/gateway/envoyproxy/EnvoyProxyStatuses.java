package dev.tollgate.translator.gateway.envoyproxy;

import static dev.tollgate.translator.status.ConditionTypes.ACCEPTED;

import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import dev.tollgate.translator.status.Conditions;
import dev.tollgate.translator.status.EnvoyProxyStatus;
import dev.tollgate.translator.status.ObjectStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The status of every EnvoyProxy a GatewayClass or Gateway of Tollgate's names, as Envoy Gateway
 * writes it: an Accepted condition per referrer (its ancestor), which is the EnvoyProxy's own
 * verdict, the same for every referrer.
 */
final class EnvoyProxyStatuses {

  /** Kind, then namespace, then name: the output must not depend on the order referrers are met in. */
  private static final Comparator<ParentReference> ORDER = Comparator
      .comparing((ParentReference r) -> Objects.requireNonNullElse(r.kind(), ""))
      .thenComparing(r -> Objects.requireNonNullElse(r.namespace(), ""))
      .thenComparing(ParentReference::name);

  private record Referenced(EnvoyGatewayPolicy proxy, EnvoyProxyCheck.Checked checked, TreeSet<ParentReference> ancestors) {}

  private final String transitionTime;
  private final Map<ObjectKey, Referenced> referenced = new TreeMap<>();

  EnvoyProxyStatuses(String transitionTime) {
    this.transitionTime = transitionTime;
  }

  static ParentReference gatewayClass(String name) {
    return new ParentReference(Kinds.GATEWAY_API_GROUP, "GatewayClass", null, name, null, null);
  }

  static ParentReference gateway(String namespace, String name) {
    return new ParentReference(Kinds.GATEWAY_API_GROUP, "Gateway", namespace, name, null, null);
  }

  void referencedBy(EnvoyGatewayPolicy proxy, EnvoyProxyCheck.Checked checked, ParentReference ancestor) {
    referenced.computeIfAbsent(proxy.key(), k -> new Referenced(proxy, checked, new TreeSet<>(ORDER))).ancestors().add(ancestor);
  }

  List<ObjectStatus> statuses() {
    List<ObjectStatus> out = new ArrayList<>();
    for (Referenced r : referenced.values()) {
      List<EnvoyProxyStatus.Ancestor> ancestors = new ArrayList<>();
      for (ParentReference ancestor : r.ancestors()) {
        Conditions conditions = new Conditions(r.proxy().metadata().generation(), transitionTime);
        if (r.checked().usable()) {
          conditions.set(ACCEPTED, true, Reason.ACCEPTED, "EnvoyProxy is accepted" + ignored(r.checked()));
        } else {
          conditions.set(ACCEPTED, false, Reason.INVALID_PARAMETERS, String.join("; ", r.checked().errors()));
        }
        ancestors.add(new EnvoyProxyStatus.Ancestor(ancestor, conditions.list()));
      }
      out.add(new ObjectStatus(r.proxy().apiVersion(), r.proxy().kind(), r.proxy().metadata().namespace(),
          r.proxy().metadata().name(), new EnvoyProxyStatus(ancestors)));
    }
    return out;
  }

  /** One warning per field set and ignored, for every EnvoyProxy in use. */
  List<String> notices() {
    List<String> out = new ArrayList<>();
    referenced.forEach((key, r) -> r.checked().notImplemented()
        .forEach(field -> out.add(key + ": " + field + ": not implemented by Tollgate; ignored")));
    return out;
  }

  private static String ignored(EnvoyProxyCheck.Checked checked) {
    return checked.notImplemented().isEmpty() ? ""
        : "; not implemented by Tollgate and ignored: " + String.join(", ", checked.notImplemented());
  }
}

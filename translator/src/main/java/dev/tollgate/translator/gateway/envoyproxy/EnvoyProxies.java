package dev.tollgate.translator.gateway.envoyproxy;

import dev.tollgate.translator.gateway.backend.BackendResolver;
import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.ir.FilterOrderIr;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import dev.tollgate.translator.model.envoygateway.EnvoyProxySpec;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.model.gatewayapi.GatewayClass;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import dev.tollgate.translator.status.ObjectStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EnvoyProxy objects, read and checked once per translation, and which one a Gateway uses: its
 * own {@code spec.infrastructure.parametersRef} when set (it replaces the class's entirely, as in
 * Envoy Gateway), else its GatewayClass's {@code parametersRef}. Every EnvoyProxy found this way
 * gets a status naming the classes and Gateways that refer to it.
 */
public final class EnvoyProxies {

  static final String KIND = "EnvoyProxy";

  private final ResourceSet resources;
  private final EnvoyProxyCheck check;
  private final EnvoyProxyStatuses statuses;
  private final Map<ObjectKey, EnvoyProxyCheck.Checked> checked = new HashMap<>();

  public EnvoyProxies(ResourceSet resources, BackendResolver backends, String transitionTime) {
    this.resources = resources;
    this.check = new EnvoyProxyCheck(backends);
    this.statuses = new EnvoyProxyStatuses(transitionTime);
  }

  /** A usable EnvoyProxy, or why it cannot be used. */
  public sealed interface Lookup {
    record Found(EnvoyProxySpec spec) implements Lookup {}

    record Problem(String message) implements Lookup {}
  }

  /** The EnvoyProxy a GatewayClass names; an absent parametersRef gives the defaults. */
  public Lookup forClass(GatewayClass gc) {
    GatewayClass.ParametersReference ref = gc.spec().parametersRef();
    if (ref == null) {
      return new Lookup.Found(EnvoyProxySpec.defaults());
    }
    if (!Kinds.ENVOY_GATEWAY_GROUP.equals(ref.group()) || !KIND.equals(ref.kind())) {
      return new Lookup.Problem("parametersRef must refer to an EnvoyProxy (group " + Kinds.ENVOY_GATEWAY_GROUP + ")");
    }
    if (ref.namespace() == null || ref.namespace().isEmpty()) {
      return new Lookup.Problem("parametersRef.namespace is required for an EnvoyProxy");
    }
    return read(ref.namespace(), ref.name(), EnvoyProxyStatuses.gatewayClass(gc.metadata().name()));
  }

  /** The EnvoyProxy a Gateway names itself, in its own namespace, or empty when it names none. */
  public Optional<Lookup> forGateway(Gateway gateway) {
    Gateway.Infrastructure infra = gateway.spec().infrastructure();
    if (infra == null || infra.parametersRef() == null) {
      return Optional.empty();
    }
    Gateway.LocalParametersReference ref = infra.parametersRef();
    if (!Kinds.ENVOY_GATEWAY_GROUP.equals(ref.group()) || !KIND.equals(ref.kind())) {
      return Optional.of(new Lookup.Problem(
          "spec.infrastructure.parametersRef must refer to an EnvoyProxy (group " + Kinds.ENVOY_GATEWAY_GROUP + ")"));
    }
    String namespace = gateway.metadata().namespace();
    Lookup lookup = read(namespace, ref.name(), EnvoyProxyStatuses.gateway(namespace, gateway.metadata().name()));
    return Optional.of(lookup instanceof Lookup.Problem p
        ? new Lookup.Problem("spec.infrastructure.parametersRef: " + p.message()) : lookup);
  }

  private Lookup read(String namespace, String name, ParentReference referrer) {
    ObjectKey key = new ObjectKey(KIND, namespace, name);
    Optional<EnvoyGatewayPolicy> found = resources.get(KIND, EnvoyGatewayPolicy.class, namespace, name);
    if (found.isEmpty()) {
      return new Lookup.Problem("EnvoyProxy " + namespace + "/" + name + " " + resources.whyMissing(key));
    }
    EnvoyProxyCheck.Checked result = checked.computeIfAbsent(key, k -> check.check(found.get()));
    statuses.referencedBy(found.get(), result, referrer);
    if (!result.usable()) {
      return new Lookup.Problem("EnvoyProxy " + namespace + "/" + name + ": " + String.join("; ", result.errors()));
    }
    return new Lookup.Found(result.spec());
  }

  /** The status of every EnvoyProxy looked up so far, sorted. */
  public List<ObjectStatus> statuses() {
    return statuses.statuses();
  }

  /** What the EnvoyProxies looked up so far set and Tollgate ignores, one line each. */
  public List<String> notices() {
    return statuses.notices();
  }

  /** The filterOrder as IR. */
  public static List<FilterOrderIr> filterOrder(EnvoyProxySpec spec) {
    return spec.filterOrder().stream().map(p -> new FilterOrderIr(p.name(), p.before(), p.after())).toList();
  }
}

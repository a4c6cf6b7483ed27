package dev.tollgate.translator.gateway.envoyproxy;

import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.ir.FilterOrderIr;
import dev.tollgate.translator.json.Binder;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import dev.tollgate.translator.model.envoygateway.EnvoyProxySpec;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.model.gatewayapi.GatewayClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EnvoyProxy objects, read and checked once per translation, and which one a Gateway uses: its
 * own {@code spec.infrastructure.parametersRef} when set (it replaces the class's entirely, as in
 * Envoy Gateway), else its GatewayClass's {@code parametersRef}.
 */
public final class EnvoyProxies {

  static final String KIND = "EnvoyProxy";
  private static final String HTTP_FILTER_PREFIX = "envoy.filters.http.";
  private static final String ROUTER = "envoy.filters.http.router";

  private final ResourceSet resources;

  public EnvoyProxies(ResourceSet resources) {
    this.resources = resources;
  }

  /** A usable EnvoyProxy, or why it cannot be used. */
  public sealed interface Lookup {
    record Found(EnvoyProxySpec spec) implements Lookup {}

    record Problem(String message) implements Lookup {}
  }

  /** The EnvoyProxy a GatewayClass names; an absent parametersRef gives the defaults. */
  public Lookup forClass(GatewayClass.ParametersReference ref) {
    if (ref == null) {
      return new Lookup.Found(new EnvoyProxySpec(null));
    }
    if (!Kinds.ENVOY_GATEWAY_GROUP.equals(ref.group()) || !KIND.equals(ref.kind())) {
      return new Lookup.Problem("parametersRef must refer to an EnvoyProxy (group " + Kinds.ENVOY_GATEWAY_GROUP + ")");
    }
    if (ref.namespace() == null || ref.namespace().isEmpty()) {
      return new Lookup.Problem("parametersRef.namespace is required for an EnvoyProxy");
    }
    return read(ref.namespace(), ref.name());
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
    Lookup lookup = read(gateway.metadata().namespace(), ref.name());
    return Optional.of(lookup instanceof Lookup.Problem p
        ? new Lookup.Problem("spec.infrastructure.parametersRef: " + p.message()) : lookup);
  }

  private Lookup read(String namespace, String name) {
    Optional<EnvoyGatewayPolicy> found = resources.get(KIND, EnvoyGatewayPolicy.class, namespace, name);
    if (found.isEmpty()) {
      return new Lookup.Problem("EnvoyProxy " + namespace + "/" + name + " " + resources.whyMissing(new ObjectKey(KIND, namespace, name)));
    }
    // Fields about deploying proxies are not Tollgate's concern: unknown fields are not errors.
    Binder.Result<EnvoyProxySpec> bound = Binder.bind(found.get().spec(), EnvoyProxySpec.class);
    if (!bound.ok()) {
      return new Lookup.Problem("EnvoyProxy " + namespace + "/" + name + ": " + bound.errorUnder("spec"));
    }
    List<String> problems = filterOrderProblems(bound.value());
    if (!problems.isEmpty()) {
      return new Lookup.Problem("EnvoyProxy " + namespace + "/" + name + ": " + String.join("; ", problems));
    }
    return new Lookup.Found(bound.value());
  }

  private static List<String> filterOrderProblems(EnvoyProxySpec spec) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < spec.filterOrder().size(); i++) {
      EnvoyProxySpec.FilterPosition p = spec.filterOrder().get(i);
      String at = "spec.filterOrder[" + i + "]";
      if ((p.before() == null) == (p.after() == null)) {
        problems.add(at + ": exactly one of before and after must be set");
      }
      for (String name : new String[] {p.name(), p.before(), p.after()}) {
        if (name != null && !name.startsWith(HTTP_FILTER_PREFIX)) {
          problems.add(at + ": \"" + name + "\" is not an HTTP filter name (" + HTTP_FILTER_PREFIX + "...)");
        }
      }
      if (p.name() == null) {
        problems.add(at + ".name: is required");
      } else if (p.name().equals(ROUTER) || ROUTER.equals(p.after())) {
        problems.add(at + ": the router filter is always last: it cannot be moved, nor anything placed after it");
      }
    }
    return problems;
  }

  /** The filterOrder as IR. */
  public static List<FilterOrderIr> filterOrder(EnvoyProxySpec spec) {
    return spec.filterOrder().stream().map(p -> new FilterOrderIr(p.name(), p.before(), p.after())).toList();
  }
}

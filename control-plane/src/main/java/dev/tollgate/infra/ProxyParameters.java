package dev.tollgate.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.model.gatewayapi.GatewayClass;
import java.util.Optional;

/**
 * The {@code provider.kubernetes} of the EnvoyProxy a Gateway's proxies are made from: the
 * Gateway's own {@code spec.infrastructure.parametersRef} when set (it replaces the class's, as
 * the translation reads it), else its GatewayClass's {@code parametersRef}, else the defaults.
 *
 * @param kubernetes the {@code spec.provider.kubernetes} tree; missing for the defaults
 * @param source {@code EnvoyProxy ns/name}, for messages; null for the defaults
 */
record ProxyParameters(JsonNode kubernetes, String source) {

  static final String KIND = "EnvoyProxy";

  /** The parameters, or why they cannot be read (a missing EnvoyProxy, another provider type). */
  sealed interface Lookup {
    record Found(ProxyParameters parameters) implements Lookup {}

    record Problem(String message) implements Lookup {}
  }

  static Lookup of(ResourceSet input, Gateway gateway) {
    Gateway.Infrastructure infra = gateway.spec().infrastructure();
    if (infra != null && infra.parametersRef() != null) {
      Gateway.LocalParametersReference ref = infra.parametersRef();
      if (!Kinds.ENVOY_GATEWAY_GROUP.equals(ref.group()) || !KIND.equals(ref.kind())) {
        return new Lookup.Problem("spec.infrastructure.parametersRef must refer to an EnvoyProxy");
      }
      return read(input, gateway.metadata().namespace(), ref.name(), "spec.infrastructure.parametersRef");
    }
    Optional<GatewayClass> gc = input.gatewayClass(gateway.spec().gatewayClassName());
    GatewayClass.ParametersReference ref = gc.map(c -> c.spec().parametersRef()).orElse(null);
    if (ref == null) {
      return new Lookup.Found(new ProxyParameters(MissingNode.getInstance(), null));
    }
    if (!Kinds.ENVOY_GATEWAY_GROUP.equals(ref.group()) || !KIND.equals(ref.kind()) || ref.namespace() == null) {
      return new Lookup.Problem("GatewayClass " + gc.get().metadata().name() + ": parametersRef must refer to an EnvoyProxy with a namespace");
    }
    return read(input, ref.namespace(), ref.name(), "GatewayClass " + gc.get().metadata().name() + " parametersRef");
  }

  private static Lookup read(ResourceSet input, String namespace, String name, String via) {
    Optional<EnvoyGatewayPolicy> proxy = input.get(KIND, EnvoyGatewayPolicy.class, namespace, name);
    String source = KIND + " " + namespace + "/" + name;
    if (proxy.isEmpty()) {
      return new Lookup.Problem(via + ": " + source + " does not exist");
    }
    JsonNode provider = proxy.get().spec() == null ? MissingNode.getInstance() : proxy.get().spec().path("provider");
    String type = provider.path("type").asText("Kubernetes");
    if (!provider.isMissingNode() && !"Kubernetes".equals(type)) {
      return new Lookup.Problem(source + ": spec.provider.type " + type + " is not supported; only Kubernetes");
    }
    return new Lookup.Found(new ProxyParameters(provider.path("kubernetes"), source));
  }

  /** The field under {@code spec.provider.kubernetes}, missing when not set. */
  JsonNode at(String field) {
    return kubernetes.path(field);
  }

  /** Where a field is, for messages: {@code EnvoyProxy ns/name spec.provider.kubernetes.FIELD}. */
  String where(String field) {
    return (source == null ? "the default EnvoyProxy" : source) + " spec.provider.kubernetes." + field;
  }
}

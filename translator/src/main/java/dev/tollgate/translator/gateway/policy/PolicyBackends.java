package dev.tollgate.translator.gateway.policy;

import dev.tollgate.translator.gateway.backend.BackendRequest;
import dev.tollgate.translator.gateway.backend.BackendResolution;
import dev.tollgate.translator.gateway.backend.BackendResolver;
import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.ir.BackendIr;
import dev.tollgate.translator.ir.DestinationIr;
import dev.tollgate.translator.ir.DestinationIr.Protocol;
import dev.tollgate.translator.ir.EndpointIr;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.gatewayapi.BackendRef;
import dev.tollgate.translator.naming.XdsNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Resolves the backendRefs of a policy feature (an authorization service, a JWKS server) into
 * one cluster. Unlike a route rule, a policy takes no partial answer: every reference must
 * resolve, or the policy is invalid and its routes are closed.
 */
public final class PolicyBackends {

  private final BackendResolver resolver;

  public PolicyBackends(BackendResolver resolver) {
    this.resolver = resolver;
  }

  /** @return the destination, or null after recording why there is none */
  public DestinationIr resolve(ObjectKey policy, List<BackendRef> refs, String cluster, boolean http2, String field, PolicyProblems problems) {
    if (refs.isEmpty()) {
      problems.add(field, "at least one backend is required");
      return null;
    }
    List<BackendIr> backends = new ArrayList<>();
    boolean allHttp2 = true;
    int before = problems.size();
    for (int i = 0; i < refs.size(); i++) {
      BackendRef ref = refs.get(i);
      String at = field + "[" + i + "]";
      int weight = ref.weight() == null ? 1 : ref.weight();
      if (weight < 0 || weight > 1_000_000) {
        problems.add(at + ".weight", "must be between 0 and 1000000");
        continue;
      }
      BackendResolution resolution = resolver.resolve(policy, Kinds.ENVOY_GATEWAY_GROUP, ref.object(), BackendRequest.Purpose.POLICY);
      if (resolution instanceof BackendResolution.Unresolved u) {
        problems.add(at, u.message());
        continue;
      }
      var resolved = (BackendResolution.Resolved) resolution;
      allHttp2 &= resolved.protocol() == Protocol.HTTP2;
      if (weight > 0) {
        backends.add(resolved.backend(XdsNames.backend(cluster, i), weight));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    if (backends.isEmpty()) {
      problems.add(field, "every backend has weight 0");
      return null;
    }
    var types = backends.stream().flatMap(b -> b.endpoints().stream()).map(EndpointIr::type).distinct().toList();
    if (types.contains(EndpointIr.Type.UNIX) && types.contains(EndpointIr.Type.FQDN)) {
      problems.add(field, "unix domain sockets and DNS names cannot be mixed in one service");
      return null;
    }
    return new DestinationIr(cluster, policy, http2 || allHttp2 ? Protocol.HTTP2 : Protocol.HTTP1, backends, 0);
  }

  /** The authority requests to the first backend carry: {@code name.namespace:port}, or a Backend's DNS name. */
  public static String authority(BackendRef ref, String policyNamespace, DestinationIr destination) {
    String namespace = ref.namespace() == null || ref.namespace().isEmpty() ? policyNamespace : ref.namespace();
    if (!"Service".equals(Objects.requireNonNullElse(ref.kind(), "Service"))) {
      List<EndpointIr> endpoints = destination.backends().get(0).endpoints();
      if (endpoints.size() == 1 && endpoints.get(0).type() == EndpointIr.Type.FQDN) {
        return endpoints.get(0).address() + ":" + endpoints.get(0).port();
      }
      return ref.name() + "." + namespace;
    }
    return ref.name() + "." + namespace + ":" + ref.port();
  }
}

package dev.tollgate.translator.gateway.route;

import dev.tollgate.translator.gateway.backend.BackendRequest;
import dev.tollgate.translator.gateway.backend.BackendResolution;
import dev.tollgate.translator.gateway.backend.BackendResolver;
import dev.tollgate.translator.ir.BackendIr;
import dev.tollgate.translator.ir.DestinationIr;
import dev.tollgate.translator.ir.DestinationIr.Protocol;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.gatewayapi.BackendRef;
import dev.tollgate.translator.naming.XdsNames;
import java.util.ArrayList;
import java.util.List;

/** Resolves a rule's backendRefs into one destination, keeping count of the invalid share. */
final class RuleBackends {

  private final BackendResolver backends;

  RuleBackends(BackendResolver backends) {
    this.backends = backends;
  }

  /**
   * @return the destination, or null when no traffic can be forwarded (no valid backend with a
   *     weight above zero), in which case the rule answers 500
   */
  DestinationIr resolve(ObjectKey route, boolean grpc, String cluster, List<BackendRef> refs, String field, RouteProblems problems) {
    List<BackendIr> valid = new ArrayList<>();
    int invalidWeight = 0;
    boolean allHttp2 = true;
    for (int i = 0; i < refs.size(); i++) {
      BackendRef ref = refs.get(i);
      String at = field + "[" + i + "]";
      int weight = ref.weight() == null ? 1 : ref.weight();
      if (weight < 0 || weight > 1_000_000) {
        problems.invalid(at + ".weight", "must be between 0 and 1000000");
        continue;
      }
      if (!ref.filters().isEmpty()) {
        problems.invalid(at + ".filters", "filters on a backendRef are not supported; put them on the rule");
        continue;
      }
      BackendResolution resolution = backends.resolve(route, RouteView.GROUP, ref.object(), BackendRequest.Purpose.ROUTE);
      if (resolution instanceof BackendResolution.Unresolved u) {
        problems.unresolved(at, u.reason(), u.message());
        invalidWeight += weight;
        continue;
      }
      var resolved = (BackendResolution.Resolved) resolution;
      allHttp2 &= resolved.protocol() == Protocol.HTTP2;
      if (weight > 0) {
        valid.add(resolved.backend(XdsNames.backend(cluster, i), weight));
      }
    }
    if (valid.isEmpty()) {
      return null;
    }
    Protocol protocol = grpc || allHttp2 ? Protocol.HTTP2 : Protocol.HTTP1;
    return new DestinationIr(cluster, route, protocol, valid, invalidWeight);
  }
}

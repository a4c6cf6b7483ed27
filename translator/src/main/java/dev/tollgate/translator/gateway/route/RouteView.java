package dev.tollgate.translator.gateway.route;

import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.ObjectMeta;
import dev.tollgate.translator.model.gatewayapi.GrpcRoute;
import dev.tollgate.translator.model.gatewayapi.HttpRoute;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import java.util.List;

/**
 * What attachment and policies need of any route kind: identity, parents, hostnames, and the
 * names of its rules (null for an unnamed rule), by rule index.
 */
public record RouteView(
    String apiVersion,
    ObjectMeta metadata,
    ObjectKey key,
    List<ParentReference> parentRefs,
    List<String> hostnames,
    List<String> ruleNames) {

  public static final String GROUP = Kinds.GATEWAY_API_GROUP;

  public static RouteView of(HttpRoute r) {
    var spec = r.spec() == null ? new HttpRoute.Spec(null, null, null) : r.spec();
    return new RouteView(r.apiVersion(), r.metadata(), r.key(), spec.parentRefs(), spec.hostnames(),
        spec.rules().stream().map(HttpRoute.Rule::name).toList());
  }

  public static RouteView of(GrpcRoute r) {
    var spec = r.spec() == null ? new GrpcRoute.Spec(null, null, null) : r.spec();
    return new RouteView(r.apiVersion(), r.metadata(), r.key(), spec.parentRefs(), spec.hostnames(),
        spec.rules().stream().map(GrpcRoute.Rule::name).toList());
  }

  public String kind() {
    return key.kind();
  }
}

package dev.tollgate.translator.gateway.route;

import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.ObjectMeta;
import dev.tollgate.translator.model.gatewayapi.GrpcRoute;
import dev.tollgate.translator.model.gatewayapi.HttpRoute;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import java.util.List;

/** What attachment needs of any route kind: identity, parents and hostnames. */
public record RouteView(
    String apiVersion, ObjectMeta metadata, ObjectKey key, List<ParentReference> parentRefs, List<String> hostnames) {

  public static final String GROUP = Kinds.GATEWAY_API_GROUP;

  public static RouteView of(HttpRoute r) {
    var spec = r.spec() == null ? new HttpRoute.Spec(null, null, null) : r.spec();
    return new RouteView(r.apiVersion(), r.metadata(), r.key(), spec.parentRefs(), spec.hostnames());
  }

  public static RouteView of(GrpcRoute r) {
    var spec = r.spec() == null ? new GrpcRoute.Spec(null, null, null) : r.spec();
    return new RouteView(r.apiVersion(), r.metadata(), r.key(), spec.parentRefs(), spec.hostnames());
  }

  public String kind() {
    return key.kind();
  }
}

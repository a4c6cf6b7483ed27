package dev.tollgate.translator.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.ObjectMeta;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import java.util.List;

/**
 * An object refused at the boundary, of a kind whose absence would open traffic: a policy that
 * authenticates, authorizes or runs code on requests, or a route. It is not translated, but what
 * it targets (a policy) or matches (a route) is still read from it, leniently, so that traffic
 * fails closed instead of being served unguarded or falling through to another route.
 *
 * @param spec the object's {@code spec} as written, possibly of the wrong shape
 * @param reasons why it was refused, each naming the field
 */
public record RejectedObject(ObjectKey key, String apiVersion, ObjectMeta metadata, JsonNode spec, Source source,
    List<String> reasons) {

  public RejectedObject {
    reasons = List.copyOf(reasons);
  }

  /** The object as the Envoy Gateway policy it was meant to be, read leniently: its kind, metadata and spec as written. */
  public EnvoyGatewayPolicy asEnvoyGatewayPolicy() {
    return new EnvoyGatewayPolicy(apiVersion, key.kind(), metadata, spec);
  }

  /** The reasons in one sentence, for a status message; the same wherever the object was read from. */
  public String summary() {
    return "it was refused when read: " + String.join("; ", reasons);
  }
}

package dev.tollgate.translator.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.ObjectMeta;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import java.util.List;

/**
 * An object of a kind that guards traffic (a policy that authenticates, authorizes or runs code
 * on requests) which was refused at the boundary. It is not translated, but what it targets is
 * still read from it, leniently, so those targets fail closed instead of being served unguarded.
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

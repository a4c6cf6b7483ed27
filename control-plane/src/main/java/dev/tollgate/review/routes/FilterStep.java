package dev.tollgate.review.routes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One HTTP filter of a route's chain, as the configuration has it.
 *
 * @param name the filter's name in the connection manager
 * @param type what it is: {@code jwt_authn}, {@code ext_authz}, {@code rbac}, {@code router}, ...
 * @param runs whether it acts on requests to the route
 * @param reason why it runs or not
 * @param details what it does there, one statement each
 * @param protection what it protects the route with, when it runs and enforces something
 * @param failClosed for a protection: whether a request is refused when the protection cannot
 *     decide (no token; the authorization service unreachable)
 * @param decision for an explained request, what the filter decides, where that can be known
 * @param from the input objects this filter's part of the route comes from
 */
@JsonPropertyOrder({"name", "type", "runs", "reason", "protection", "failClosed", "details", "decision", "from"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilterStep(String name, String type, boolean runs, String reason, List<String> details,
    Protection protection, Boolean failClosed, Decision decision, List<String> from) {

  /** A filter's verdict on one request: {@code allowed}, {@code denied} (with the status Envoy answers), {@code unknown} or {@code not-reached}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Decision(String verdict, Integer status, String why) {
    public static Decision allowed(String why) {
      return new Decision("allowed", null, why);
    }

    public static Decision denied(int status, String why) {
      return new Decision("denied", status, why);
    }

    /** A filter after one that denied: Envoy never gets to it. */
    public static Decision notReached() {
      return new Decision("not-reached", null, "an earlier filter denied the request");
    }

    public static Decision unknown(String why) {
      return new Decision("unknown", null, why);
    }

    public boolean denied() {
      return verdict.equals("denied");
    }
  }
}

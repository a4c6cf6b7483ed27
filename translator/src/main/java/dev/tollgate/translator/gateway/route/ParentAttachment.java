package dev.tollgate.translator.gateway.route;

import dev.tollgate.translator.gateway.ListenerState;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import dev.tollgate.translator.status.Conditions;
import java.util.List;

/**
 * How one parentRef of a route resolved: the status entry for it, and the listeners (with the
 * hostnames the route serves on each) it attached to.
 */
public record ParentAttachment(ParentReference statusRef, Conditions conditions, List<ListenerMatch> listeners) {

  /** A listener the route attached to, and the hostnames it serves there. */
  public record ListenerMatch(ListenerState listener, List<String> hostnames) {}
}

package dev.tollgate.kubernetes.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.status.EnvoyProxyStatus;
import dev.tollgate.translator.status.PolicyStatus;
import dev.tollgate.translator.status.RouteStatus;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What an object's status becomes when Tollgate's part of it is replaced in the live one. The
 * statuses of GatewayClasses, Gateways and Backends are Tollgate's alone; in a route's parents and
 * a policy's ancestors only the entries with Tollgate's controllerName are; in an EnvoyProxy's
 * ancestors (which have no controllerName) those naming a GatewayClass or Gateway of Tollgate's.
 */
final class StatusMerge {

  private static final String GROUP = "gateway.networking.k8s.io";

  private final String controllerName;

  StatusMerge(String controllerName) {
    this.controllerName = controllerName;
  }

  /**
   * The status to hold.
   *
   * @param live the live object's status (an empty object when it has none)
   * @param target what Tollgate wants, or wanted last when it no longer has a status for the object
   * @param ourParents the GatewayClasses and Gateways that are or were Tollgate's, as {@link #ref} keys
   * @param now the RFC 3339 time of a condition that is new or changed status
   */
  JsonNode merge(JsonNode live, StatusTarget target, Set<JsonNode> ourParents, String now) {
    Object status = target.status().status();
    JsonNode ours = target.present() ? StatusTrees.of(status) : null;
    if (status instanceof RouteStatus) {
      return mergeEntries(live, ours, "parents", "parentRef", this::isOurController, now);
    }
    if (status instanceof PolicyStatus) {
      return mergeEntries(live, ours, "ancestors", "ancestorRef", this::isOurController, now);
    }
    if (status instanceof EnvoyProxyStatus) {
      Set<JsonNode> refs = new HashSet<>(ourParents);
      StatusTrees.of(status).path("ancestors").forEach(a -> refs.add(ref(a.get("ancestorRef"))));
      return mergeEntries(live, ours, "ancestors", "ancestorRef", e -> refs.contains(ref(e.get("ancestorRef"))), now);
    }
    if (ours != null) {
      return owned(live, ours, now);
    }
    // Gone from the translation: cleared only while it still holds what Tollgate wrote.
    JsonNode last = owned(live, StatusTrees.of(status), now);
    return last.equals(StatusTrees.canonical(live)) ? Mappers.json().createObjectNode() : live;
  }

  /** A parentRef or ancestorRef with the CRD's defaults filled in, to compare references. */
  static JsonNode ref(JsonNode reference) {
    ObjectNode r = StatusTrees.object(reference);
    if (!r.hasNonNull("group")) {
      r.put("group", GROUP);
    }
    if (!r.hasNonNull("kind")) {
      r.put("kind", "Gateway");
    }
    return StatusTrees.canonical(r);
  }

  private boolean isOurController(JsonNode entry) {
    return controllerName.equals(entry.path("controllerName").asText());
  }

  private static JsonNode owned(JsonNode live, JsonNode ours, String now) {
    ObjectNode out = StatusTrees.object(ours);
    TransitionTimes.keep(out.get("conditions"), live.get("conditions"), now);
    for (JsonNode listener : out.path("listeners")) {
      JsonNode before = null;
      for (JsonNode l : live.path("listeners")) {
        if (l.path("name").equals(listener.path("name"))) {
          before = l;
        }
      }
      TransitionTimes.keep(listener.get("conditions"), before == null ? null : before.get("conditions"), now);
    }
    return StatusTrees.canonical(out);
  }

  /** Others' entries stay where they are; Tollgate's follow, in the translation's order. */
  private static JsonNode mergeEntries(
      JsonNode live, JsonNode ours, String field, String refField, Predicate<JsonNode> isOurs, String now) {
    ObjectNode out = StatusTrees.object(live);
    ArrayNode entries = Mappers.json().createArrayNode();
    for (JsonNode e : live.path(field)) {
      if (!isOurs.test(e)) {
        entries.add(e.deepCopy());
      }
    }
    for (JsonNode e : ours == null ? Mappers.json().createArrayNode() : ours.path(field)) {
      ObjectNode entry = StatusTrees.object(e);
      JsonNode before = null;
      for (JsonNode l : live.path(field)) {
        if (isOurs.test(l) && ref(l.get(refField)).equals(ref(e.get(refField)))) {
          before = l;
        }
      }
      TransitionTimes.keep(entry.get("conditions"), before == null ? null : before.get("conditions"), now);
      entries.add(entry);
    }
    if (entries.isEmpty() && !live.has(field)) {
      return StatusTrees.canonical(out);
    }
    out.set(field, entries);
    return StatusTrees.canonical(out);
  }
}

package dev.tollgate.translator.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.status.ConditionTypes.Allowed;
import dev.tollgate.translator.status.ConditionTypes.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks the {@code statuses} of a translation document: every condition's reason is one its
 * condition type may carry on that object ({@link Allowed}), and every policy ancestor is a
 * Gateway (or the policy itself, where a policy reports targets it cannot trace to one).
 */
final class StatusReasonCheck {

  private static final String GATEWAY_GROUP = "gateway.networking.k8s.io";
  private static final Set<String> ROUTE_KINDS = Set.of("HTTPRoute", "GRPCRoute");
  private static final Set<String> PROXY_REFERRERS = Set.of("GatewayClass", "Gateway");

  private final List<String> violations = new ArrayList<>();
  private int checked;

  /** The problems found in {@code statuses}, each naming the object and the condition. */
  List<String> check(JsonNode statuses) {
    for (JsonNode status : statuses) {
      String kind = status.path("kind").asText();
      String object = kind + " " + (status.hasNonNull("namespace") ? status.get("namespace").asText() + "/" : "")
          + status.path("name").asText();
      JsonNode body = status.path("status");
      switch (kind) {
        case "GatewayClass" -> conditions(Subject.GATEWAY_CLASS, object, body.path("conditions"));
        case "Gateway" -> {
          conditions(Subject.GATEWAY, object, body.path("conditions"));
          for (JsonNode l : body.path("listeners")) {
            conditions(Subject.LISTENER, object + " listener " + l.path("name").asText(), l.path("conditions"));
          }
        }
        case "Backend" -> conditions(Subject.BACKEND, object, body.path("conditions"));
        case "EnvoyProxy" -> {
          for (JsonNode a : body.path("ancestors")) {
            JsonNode ref = a.path("ancestorRef");
            String where = object + " ancestor " + ref.path("kind").asText() + " " + ref.path("name").asText();
            if (!GATEWAY_GROUP.equals(ref.path("group").asText()) || !PROXY_REFERRERS.contains(ref.path("kind").asText())) {
              violations.add(where + ": an EnvoyProxy's ancestorRef must be a GatewayClass or Gateway that names it");
            }
            conditions(Subject.ENVOY_PROXY_ANCESTOR, where, a.path("conditions"));
          }
        }
        default -> {
          if (ROUTE_KINDS.contains(kind)) {
            for (JsonNode p : body.path("parents")) {
              conditions(Subject.ROUTE_PARENT, object + " parent " + p.path("parentRef").path("name").asText(),
                  p.path("conditions"));
            }
          } else if (body.has("ancestors")) {
            ancestors(status, object, body.path("ancestors"));
          } else {
            violations.add(object + ": status of a kind the check does not know");
          }
        }
      }
    }
    return List.copyOf(violations);
  }

  /** How many conditions were checked, so a test can tell it looked at something. */
  int checked() {
    return checked;
  }

  private void ancestors(JsonNode status, String object, JsonNode ancestors) {
    for (JsonNode a : ancestors) {
      JsonNode ref = a.path("ancestorRef");
      boolean gateway = GATEWAY_GROUP.equals(ref.path("group").asText()) && "Gateway".equals(ref.path("kind").asText());
      boolean self = status.path("kind").asText().equals(ref.path("kind").asText())
          && status.path("name").asText().equals(ref.path("name").asText());
      String where = object + " ancestor " + ref.path("kind").asText() + " " + ref.path("name").asText();
      if (!gateway && !self) {
        violations.add(where + ": an ancestorRef must be a Gateway (or the policy itself)");
      }
      conditions(Subject.POLICY_ANCESTOR, where, a.path("conditions"));
    }
  }

  private void conditions(Subject subject, String where, JsonNode conditions) {
    for (JsonNode c : conditions) {
      checked++;
      String type = c.path("type").asText();
      String reason = c.path("reason").asText();
      Set<String> allowed = Allowed.reasons(subject, type);
      if (allowed.isEmpty()) {
        violations.add(where + ": condition type " + type + " is not one a " + subject + " has");
      } else if (!allowed.contains(reason)) {
        violations.add(where + ": " + type + "=" + c.path("status").asText() + " reason " + reason
            + " is not one of " + type + "'s on a " + subject + " " + allowed);
      }
    }
  }
}

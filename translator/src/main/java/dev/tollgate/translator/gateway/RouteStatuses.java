package dev.tollgate.translator.gateway;

import static dev.tollgate.translator.status.ConditionTypes.ACCEPTED;
import static dev.tollgate.translator.status.ConditionTypes.PARTIALLY_INVALID;
import static dev.tollgate.translator.status.ConditionTypes.RESOLVED_REFS;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.gateway.route.ParentAttachment;
import dev.tollgate.translator.gateway.route.RouteAttacher;
import dev.tollgate.translator.gateway.route.RouteProblems;
import dev.tollgate.translator.gateway.route.RouteView;
import dev.tollgate.translator.gateway.route.RuleTemplate;
import dev.tollgate.translator.gateway.route.TranslatedRoute;
import dev.tollgate.translator.naming.XdsNames;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import dev.tollgate.translator.status.ObjectStatus;
import dev.tollgate.translator.status.RouteStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places a translated route on the listeners it attaches to and writes its status, one entry per
 * parent. A route whose rules are all invalid, or that was refused when read, is not accepted but
 * its matches are still placed, answering 500; only a route whose hostnames cannot be read is
 * placed nowhere.
 */
final class RouteStatuses {

  private final String controllerName;
  private final RouteAttacher attacher;

  RouteStatuses(TranslatorConfig config, RouteAttacher attacher) {
    this.controllerName = config.controllerName();
    this.attacher = attacher;
  }

  Optional<ObjectStatus> place(RouteView route, TranslatedRoute translated) {
    RouteProblems problems = translated.problems();
    List<RouteStatus.Parent> parents = new ArrayList<>();
    for (ParentAttachment parent : attacher.attach(route)) {
      var conditions = parent.conditions();
      // Attached: its traffic is this Gateway's to place. Invalid parts were translated to 500s,
      // so placing them keeps requests from falling through to a less specific route.
      boolean attached = conditions.isTrue(ACCEPTED);
      if (attached && problems.isInvalid()) {
        conditions.set(ACCEPTED, false, Reason.UNSUPPORTED_VALUE, problems.invalid());
      } else if (attached && problems.droppedRules() != null) {
        conditions.set(PARTIALLY_INVALID, true, Reason.UNSUPPORTED_VALUE, problems.droppedRules());
      }
      if (!problems.refsChecked()) {
        // Refused when read: nothing was resolved, so nothing can be said about references.
      } else if (problems.refReason() != null) {
        conditions.set(RESOLVED_REFS, false, problems.refReason(), problems.refMessage());
      } else {
        conditions.set(RESOLVED_REFS, true, Reason.RESOLVED_REFS, "All references are resolved");
      }
      conditions.orderBy(ACCEPTED, RESOLVED_REFS, PARTIALLY_INVALID);
      if (attached && problems.placeable()) {
        for (ParentAttachment.ListenerMatch match : parent.listeners()) {
          addRoutes(route, translated.templates(), match);
        }
      }
      parents.add(new RouteStatus.Parent(parent.statusRef(), controllerName, conditions.list()));
    }
    if (parents.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ObjectStatus(route.apiVersion(), route.kind(), route.key().namespace(), route.key().name(),
        new RouteStatus(parents)));
  }

  private static void addRoutes(RouteView route, List<RuleTemplate> templates, ParentAttachment.ListenerMatch match) {
    ListenerState listener = match.listener();
    for (String hostname : match.hostnames()) {
      for (RuleTemplate t : templates) {
        String name = XdsNames.route(t.rulePrefix(), t.matchIndex(), hostname);
        listener.addRoute(new RankedRoute(t.at(name, hostname),
            route.metadata().creationTimestamp(), t.ruleIndex(), t.matchIndex()));
      }
    }
  }
}

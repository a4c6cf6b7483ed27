package dev.tollgate.translator.gateway.route;

import static dev.tollgate.translator.status.ConditionTypes.ACCEPTED;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.gateway.GatewayState;
import dev.tollgate.translator.gateway.Hostnames;
import dev.tollgate.translator.gateway.ListenerState;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.gatewayapi.GroupKind;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import dev.tollgate.translator.status.Conditions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Attaches a route to the listeners its parentRefs select, following the Gateway API rules:
 * sectionName and port pick listeners, allowedRoutes filters them, hostnames must intersect.
 * Parents that are Gateways of other controllers are left alone (no status is written for them).
 */
public final class RouteAttacher {

  private final Map<ObjectKey, GatewayState> gateways;
  private final ResourceSet resources;
  private final TranslatorConfig config;

  public RouteAttacher(Map<ObjectKey, GatewayState> gateways, ResourceSet resources, TranslatorConfig config) {
    this.gateways = gateways;
    this.resources = resources;
    this.config = config;
  }

  public List<ParentAttachment> attach(RouteView route) {
    List<ParentAttachment> out = new ArrayList<>();
    Set<ParentReference> seen = new java.util.HashSet<>();
    for (ParentReference ref : route.parentRefs()) {
      String group = Objects.requireNonNullElse(ref.group(), RouteView.GROUP);
      String kind = Objects.requireNonNullElse(ref.kind(), "Gateway");
      if (!group.equals(RouteView.GROUP) || !kind.equals("Gateway")) {
        continue;
      }
      ParentReference statusRef = new ParentReference(group, kind, ref.namespace(), ref.name(), ref.sectionName(), ref.port());
      if (!seen.add(statusRef)) {
        continue;
      }
      String namespace = ref.namespace() == null || ref.namespace().isEmpty() ? route.key().namespace() : ref.namespace();
      ObjectKey gatewayKey = new ObjectKey("Gateway", namespace, Objects.requireNonNullElse(ref.name(), ""));
      GatewayState gateway = gateways.get(gatewayKey);
      Conditions conditions = new Conditions(route.metadata().generation(), config.transitionTime());
      if (gateway == null) {
        if (resources.gateway(namespace, gatewayKey.name()).isPresent()) {
          continue; // another controller's Gateway
        }
        conditions.set(ACCEPTED, false, Reason.NO_MATCHING_PARENT, "Gateway " + gatewayKey.namespacedName() + " " + resources.whyMissing(new ObjectKey("Gateway", gatewayKey.namespace(), gatewayKey.name())));
        out.add(new ParentAttachment(statusRef, conditions, List.of()));
        continue;
      }
      out.add(new ParentAttachment(statusRef, conditions, attachToGateway(route, ref, gateway, conditions)));
    }
    return out;
  }

  private List<ParentAttachment.ListenerMatch> attachToGateway(
      RouteView route, ParentReference ref, GatewayState gateway, Conditions conditions) {
    List<ListenerState> candidates = gateway.listeners().stream()
        .filter(l -> ref.sectionName() == null || ref.sectionName().equals(l.name()))
        .filter(l -> ref.port() == null || ref.port().equals(l.spec().port()))
        .toList();
    if (candidates.isEmpty()) {
      conditions.set(ACCEPTED, false, Reason.NO_MATCHING_PARENT, "Gateway "
          + gateway.gateway().key().namespacedName() + " has no listener" + describe(ref));
      return List.of();
    }
    List<ListenerState> allowed = candidates.stream().filter(l -> allows(l, gateway, route)).toList();
    if (allowed.isEmpty()) {
      conditions.set(ACCEPTED, false, Reason.NOT_ALLOWED_BY_LISTENERS,
          "No listener" + describe(ref) + " allows " + route.kind() + "s from namespace " + route.key().namespace());
      return List.of();
    }
    allowed.forEach(ListenerState::countAttachedRoute);
    List<ParentAttachment.ListenerMatch> matches = new ArrayList<>();
    for (ListenerState listener : allowed) {
      List<String> hostnames = hostnames(listener, route);
      if (!hostnames.isEmpty()) {
        matches.add(new ParentAttachment.ListenerMatch(listener, hostnames));
      }
    }
    if (matches.isEmpty()) {
      conditions.set(ACCEPTED, false, Reason.NO_MATCHING_LISTENER_HOSTNAME,
          "No hostname of the route matches a listener" + describe(ref));
      return List.of();
    }
    List<ParentAttachment.ListenerMatch> ready = matches.stream().filter(m -> m.listener().programmable()).toList();
    if (ready.isEmpty()) {
      // Attachment depends only on parentRefs and allowedRoutes, as the specification says; the
      // listeners' own Programmed=False says why no traffic flows.
      conditions.set(ACCEPTED, true, Reason.ACCEPTED, "Route is accepted, but no listener it attaches to is programmed: "
          + String.join(", ", matches.stream().map(m -> m.listener().name()).toList()));
      return List.of();
    }
    conditions.set(ACCEPTED, true, Reason.ACCEPTED, "Route is accepted");
    return ready;
  }

  private static String describe(ParentReference ref) {
    StringBuilder sb = new StringBuilder();
    if (ref.sectionName() != null) {
      sb.append(" named ").append(ref.sectionName());
    }
    if (ref.port() != null) {
      sb.append(" on port ").append(ref.port());
    }
    return sb.toString();
  }

  private boolean allows(ListenerState listener, GatewayState gateway, RouteView route) {
    if (!listener.supportedKinds().contains(new GroupKind(RouteView.GROUP, route.kind()))) {
      return false;
    }
    var allowedRoutes = listener.spec().allowedRoutes();
    var namespaces = allowedRoutes == null ? null : allowedRoutes.namespaces();
    String from = namespaces == null || namespaces.from() == null ? "Same" : namespaces.from();
    return switch (from) {
      case "All" -> true;
      case "Selector" -> namespaces.selector() != null && namespaces.selector().matches(resources.namespaceLabels(route.key().namespace()));
      default -> route.key().namespace().equals(gateway.namespace());
    };
  }

  /** The hostnames a route serves on a listener; {@code *} when neither names one. */
  private static List<String> hostnames(ListenerState listener, RouteView route) {
    String listenerHost = listener.hostname();
    if (route.hostnames().isEmpty()) {
      return List.of(listenerHost == null ? Hostnames.ANY : listenerHost);
    }
    Set<String> out = new LinkedHashSet<>();
    for (String host : route.hostnames()) {
      Optional<String> served = Hostnames.intersect(listenerHost, host);
      served.ifPresent(out::add);
    }
    return List.copyOf(out);
  }
}

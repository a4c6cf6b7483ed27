package dev.tollgate.translator.gateway.policy;

import dev.tollgate.translator.gateway.ReferenceGrants;
import dev.tollgate.translator.gateway.route.RouteView;
import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.envoygateway.PolicyTargets;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.model.gatewayapi.GrpcRoute;
import dev.tollgate.translator.model.gatewayapi.HttpRoute;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what a policy's {@code targetRefs} and {@code targetSelectors} name: Gateways of
 * Tollgate's classes (or one listener), HTTPRoutes and GRPCRoutes (or one rule). References are
 * local to the policy's namespace. A selector may reach other namespaces, but only objects whose
 * namespace grants it with a ReferenceGrant: a policy decides where request data is sent, so it
 * must not attach itself to another team's routes uninvited.
 */
public final class PolicyTargetResolver {

  private static final String GROUP = Kinds.GATEWAY_API_GROUP;

  private final ResourceSet resources;
  private final Set<ObjectKey> ourGateways;
  private final ReferenceGrants grants;

  /** @param ourGateways the Gateways of Tollgate's classes; others belong to other controllers */
  public PolicyTargetResolver(ResourceSet resources, Set<ObjectKey> ourGateways, ReferenceGrants grants) {
    this.resources = resources;
    this.ourGateways = ourGateways;
    this.grants = grants;
  }

  /**
   * A target that could not be used, reported on the policy as TargetNotFound.
   *
   * @param ancestors the Gateways of Tollgate's the target can still be traced to (the Gateway of
   *     a missing listener, the parents of a route without the named rule); empty when there are
   *     none, and the policy itself then carries the report
   */
  public record Unresolved(String message, List<ParentReference> ancestors) {
    public Unresolved {
      ancestors = List.copyOf(ancestors);
    }
  }

  /** Why a reference cannot be used, and the Gateways it is traced to. */
  private record Problem(String message, List<ParentReference> ancestors) {
    Problem(String message) {
      this(message, List.of());
    }
  }

  /**
   * What a policy's references and selectors reach.
   *
   * @param unmatched each selector that chose nothing, described ({@code targetSelectors[0]: no HTTPRoute ...})
   */
  public record Resolution(List<PolicyTarget> targets, List<Unresolved> unresolved, List<String> unmatched) {

    /** Why the policy reaches nothing, for its status; empty when it reaches something or names nothing. */
    public String nothingReached() {
      return unmatched.isEmpty() ? "" : "; " + String.join("; ", unmatched);
    }
  }

  /** What the targets read from a policy's spec reach. */
  public Resolution resolve(KubernetesObject policy, PolicyTargetFields fields) {
    return resolve(policy, fields.references(), fields.selectors());
  }

  public Resolution resolve(KubernetesObject policy, List<PolicyTargets.Reference> refs, List<PolicyTargets.Selector> selectors) {
    Map<String, PolicyTarget> targets = new LinkedHashMap<>();
    List<Unresolved> unresolved = new ArrayList<>();
    String namespace = policy.metadata().namespace();
    for (PolicyTargets.Reference ref : refs) {
      Object found = byReference(ref, namespace);
      if (found instanceof PolicyTarget t) {
        targets.putIfAbsent(t.id(), t);
      } else if (found instanceof Problem problem) {
        unresolved.add(new Unresolved(problem.message(), problem.ancestors()));
      }
    }
    List<String> unmatched = new ArrayList<>();
    for (int i = 0; i < selectors.size(); i++) {
      List<PolicyTarget> chosen = bySelector(policy, selectors.get(i));
      if (chosen.isEmpty()) {
        unmatched.add("targetSelectors[" + i + "] matches no " + describe(policy, selectors.get(i)));
      }
      chosen.forEach(t -> targets.putIfAbsent(t.id(), t));
    }
    return new Resolution(List.copyOf(targets.values()), unresolved, List.copyOf(unmatched));
  }

  /** A target, a {@link Problem}, or null when the target is another controller's. */
  private Object byReference(PolicyTargets.Reference ref, String namespace) {
    String kind = Objects.requireNonNullElse(ref.kind(), "");
    String name = Objects.requireNonNullElse(ref.name(), "");
    if (!GROUP.equals(ref.group()) || !(kind.equals("Gateway") || isRouteKind(kind))) {
      return new Problem("targets of kind " + kind + " (group " + ref.group() + ") are not supported; use Gateway, HTTPRoute or GRPCRoute");
    }
    if (kind.equals("Gateway")) {
      Optional<Gateway> gateway = resources.gateway(namespace, name);
      if (gateway.isEmpty()) {
        return new Problem("Gateway " + namespace + "/" + name + " " + resources.whyMissing(new ObjectKey("Gateway", namespace, name)));
      }
      if (!ourGateways.contains(gateway.get().key())) {
        return null;
      }
      if (ref.sectionName() != null && gateway.get().spec().listeners().stream().noneMatch(l -> ref.sectionName().equals(l.name()))) {
        return new Problem("Gateway " + namespace + "/" + name + " has no listener named " + ref.sectionName(),
            ancestors(PolicyTarget.gateway(gateway.get().key(), ref.sectionName())));
      }
      return PolicyTarget.gateway(gateway.get().key(), ref.sectionName());
    }
    Optional<RouteView> route = route(kind, namespace, name);
    if (route.isEmpty()) {
      return new Problem(kind + " " + namespace + "/" + name + " " + resources.whyMissing(new ObjectKey(kind, namespace, name)));
    }
    if (ref.sectionName() == null) {
      return PolicyTarget.route(route.get(), null, -1);
    }
    int rule = route.get().ruleNames().indexOf(ref.sectionName());
    if (rule < 0) {
      return new Problem(kind + " " + namespace + "/" + name + " has no rule named " + ref.sectionName(),
          ancestors(PolicyTarget.route(route.get(), null, -1)));
    }
    return PolicyTarget.route(route.get(), ref.sectionName(), rule);
  }

  private List<PolicyTarget> bySelector(KubernetesObject policy, PolicyTargets.Selector selector) {
    String group = selector.group() == null ? GROUP : selector.group();
    String kind = Objects.requireNonNullElse(selector.kind(), "");
    List<PolicyTarget> out = new ArrayList<>();
    if (!group.equals(GROUP)) {
      return out;
    }
    List<? extends KubernetesObject> candidates = switch (kind) {
      case "Gateway" -> resources.gateways().stream().filter(g -> ourGateways.contains(g.key())).toList();
      case "HTTPRoute" -> resources.httpRoutes();
      case "GRPCRoute" -> resources.grpcRoutes();
      default -> List.of();
    };
    for (KubernetesObject candidate : candidates) {
      if (!inNamespaces(policy, selector, candidate) || !selector.labels().matches(candidate.metadata().labels())) {
        continue;
      }
      if (kind.equals("Gateway")) {
        out.add(PolicyTarget.gateway(candidate.key(), null));
      } else {
        route(kind, candidate.metadata().namespace(), candidate.metadata().name())
            .ifPresent(r -> out.add(PolicyTarget.route(r, null, -1)));
      }
    }
    return out;
  }

  private static String describe(KubernetesObject policy, PolicyTargets.Selector selector) {
    String from = selector.namespaces() == null || selector.namespaces().from() == null ? "Same" : selector.namespaces().from();
    String where = switch (from) {
      case "All" -> "in any namespace that grants it";
      case "Selector" -> "in the selected namespaces that grant it";
      default -> "in namespace " + policy.metadata().namespace();
    };
    return Objects.requireNonNullElse(selector.kind(), "object") + " of Tollgate's with labels " + selector.matchLabels()
        + (selector.matchExpressions().isEmpty() ? "" : " and expressions " + selector.matchExpressions()) + " " + where;
  }

  private boolean inNamespaces(KubernetesObject policy, PolicyTargets.Selector selector, KubernetesObject candidate) {
    String own = policy.metadata().namespace();
    String theirs = candidate.metadata().namespace();
    PolicyTargets.Namespaces namespaces = selector.namespaces();
    String from = namespaces == null || namespaces.from() == null ? "Same" : namespaces.from();
    boolean selected = switch (from) {
      case "All" -> true;
      case "Selector" -> namespaces.selector() != null && namespaces.selector().matches(resources.namespaceLabels(theirs));
      default -> theirs.equals(own);
    };
    return selected && grants.permits(
        ReferenceGrants.Ref.from(Kinds.ENVOY_GATEWAY_GROUP, policy.kind(), own),
        new ReferenceGrants.Ref(GROUP, candidate.kind(), theirs, candidate.metadata().name()));
  }

  private Optional<RouteView> route(String kind, String namespace, String name) {
    if (kind.equals("HTTPRoute")) {
      return resources.get(kind, HttpRoute.class, namespace, name).map(RouteView::of);
    }
    return resources.get(kind, GrpcRoute.class, namespace, name).map(RouteView::of);
  }

  private static boolean isRouteKind(String kind) {
    return kind.equals("HTTPRoute") || kind.equals("GRPCRoute");
  }

  /**
   * The Gateways a target takes effect on, as status ancestors (policy attachment recommends the
   * Gateway): the Gateway itself, with the listener as sectionName when the policy targets one;
   * for a route or rule, each of Tollgate's Gateways the route names as parent, once, without the
   * parentRef's sectionName or port (the policy does not target a listener).
   */
  public List<ParentReference> ancestors(PolicyTarget target) {
    if (target.route() == null) {
      return List.of(new ParentReference(GROUP, "Gateway", target.object().namespace(), target.object().name(), target.section(), null));
    }
    Set<ParentReference> out = new LinkedHashSet<>();
    for (ParentReference p : target.route().parentRefs()) {
      String group = Objects.requireNonNullElse(p.group(), GROUP);
      String kind = Objects.requireNonNullElse(p.kind(), "Gateway");
      String ns = p.namespace() == null || p.namespace().isEmpty() ? target.object().namespace() : p.namespace();
      if (group.equals(GROUP) && kind.equals("Gateway") && ourGateways.contains(new ObjectKey("Gateway", ns, Objects.requireNonNullElse(p.name(), "")))) {
        out.add(new ParentReference(GROUP, "Gateway", ns, p.name(), null, null));
      }
    }
    return List.copyOf(out);
  }
}

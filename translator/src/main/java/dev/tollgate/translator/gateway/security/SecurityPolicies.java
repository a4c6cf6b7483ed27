package dev.tollgate.translator.gateway.security;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.gateway.ReferenceGrants;
import dev.tollgate.translator.gateway.backend.BackendResolver;
import dev.tollgate.translator.gateway.policy.PolicyStatuses;
import dev.tollgate.translator.gateway.policy.PolicyTarget;
import dev.tollgate.translator.gateway.policy.PolicyClaims;
import dev.tollgate.translator.gateway.policy.PolicyTargetFields;
import dev.tollgate.translator.gateway.policy.PolicyTargetResolver;
import dev.tollgate.translator.input.RejectedObject;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.ir.DirectResponseIr;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import dev.tollgate.translator.status.ObjectStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies SecurityPolicies to the routes of the IR, as Envoy Gateway does: the most specific
 * target wins (a route rule, then a route, then a listener, then a whole Gateway) and replaces
 * wider policies entirely; among policies on the same target the oldest wins (creation time,
 * then namespace and name) and the others are Conflicted there.
 *
 * <p>Fails closed: a route whose policy cannot be translated answers 500 instead of being served
 * without it.
 */
public final class SecurityPolicies {

  static final String KIND = "SecurityPolicy";
  private static final DirectResponseIr CLOSED = new DirectResponseIr(500, "");

  private final ResourceSet resources;
  private final TranslatorConfig config;
  private final PolicyTargetResolver targets;
  private final SecurityPolicyTranslator translator;

  public SecurityPolicies(ResourceSet resources, TranslatorConfig config, Set<ObjectKey> ourGateways,
      ReferenceGrants grants, BackendResolver resolver) {
    this.resources = resources;
    this.config = config;
    this.targets = new PolicyTargetResolver(resources, ourGateways, grants);
    this.translator = new SecurityPolicyTranslator(resources, grants, resolver);
  }

  /** One policy as this translation sees it. */
  private static final class Policy {
    final EnvoyGatewayPolicy object;
    final SecurityPolicyTranslator.Translated translated;
    final PolicyTargetResolver.Resolution resolution;
    /** Target id → the policy that holds the target instead. */
    final Map<String, String> conflicts = new HashMap<>();
    /** Target id → routes (namespace/name) where a narrower policy applies instead. */
    final Map<String, Set<String>> overridden = new HashMap<>();
    /** Wider policy (namespace/name) → this policy merged onto it ({@code mergeType}). */
    final Map<String, SecurityPolicyTranslator.Translated> merged = new TreeMap<>();
    /** Applied on its own to some route (not merged there). */
    boolean usedAlone;

    Policy(EnvoyGatewayPolicy object, SecurityPolicyTranslator.Translated translated, PolicyTargetResolver.Resolution resolution) {
      this.object = object;
      this.translated = translated;
      this.resolution = resolution;
    }

    String name() {
      return object.metadata().namespace() + "/" + object.metadata().name();
    }
  }

  /** The IR with every route's policy applied; each policy's status is added to {@code statuses}. */
  public List<GatewayIr> apply(List<GatewayIr> gateways, List<ObjectStatus> statuses) {
    List<Policy> policies = new ArrayList<>();
    for (EnvoyGatewayPolicy object : resources.all(KIND, EnvoyGatewayPolicy.class)) {
      policies.add(new Policy(object, translator.translate(object), resolve(object)));
    }
    for (RejectedObject refused : resources.rejected(KIND)) {
      EnvoyGatewayPolicy object = refused.asEnvoyGatewayPolicy();
      policies.add(new Policy(object, SecurityPolicyTranslator.Translated.refused(refused.summary()), resolve(object)));
    }
    policies.sort(Comparator.comparing(p -> p.object, PolicyStatuses.OLDEST_FIRST));
    PolicyClaims<Policy> claims = new PolicyClaims<>();
    for (Policy p : policies) {
      for (PolicyTarget t : p.resolution.targets()) {
        PolicyClaims.Claim<Policy> held = claims.claim(t, p);
        if (held.policy() != p) {
          p.conflicts.put(t.id(), held.policy().name());
        }
      }
    }
    List<GatewayIr> out = new ArrayList<>();
    for (GatewayIr g : gateways) {
      out.add(applyTo(g, claims));
    }
    policies.forEach(p -> statuses.add(status(p)));
    return out;
  }

  private PolicyTargetResolver.Resolution resolve(EnvoyGatewayPolicy object) {
    return targets.resolve(object, PolicyTargetFields.read(object.spec()));
  }

  private GatewayIr applyTo(GatewayIr gateway, PolicyClaims<Policy> claims) {
    List<HttpListenerIr> listeners = new ArrayList<>();
    for (HttpListenerIr listener : gateway.httpListeners()) {
      List<RouteIr> routes = new ArrayList<>(listener.routes().size());
      for (RouteIr route : listener.routes()) {
        routes.add(applyTo(gateway, listener, route, claims));
      }
      listeners.add(listener.withRoutes(routes));
    }
    return gateway.withListeners(listeners);
  }

  private RouteIr applyTo(GatewayIr gateway, HttpListenerIr listener, RouteIr route, PolicyClaims<Policy> claims) {
    if (route.directResponse() != null) {
      return route; // answered by the proxy itself; nothing to protect
    }
    PolicyClaims.ForRoute<Policy> bearing = claims.forRoute(gateway, listener, route);
    PolicyClaims.Claim<Policy> chosen = bearing.chosen();
    if (chosen == null) {
      return route;
    }
    String routeObject = route.source().namespacedName();
    Policy policy = chosen.policy();
    PolicyClaims.Claim<Policy> mergedOnto = mergeTarget(bearing, chosen);
    for (PolicyClaims.Claim<Policy> wider : Arrays.asList(bearing.listener(), bearing.gateway())) {
      if (wider != null && wider != chosen && wider != mergedOnto) {
        wider.policy().overridden.computeIfAbsent(wider.target().id(), k -> new TreeSet<>()).add(routeObject);
      }
    }
    SecurityPolicyTranslator.Translated translated = policy.translated;
    if (mergedOnto != null) {
      // Only the merged policy must be whole: a rule may read a JWT provider the wider policy defines.
      Policy wider = mergedOnto.policy();
      translated = policy.merged.computeIfAbsent(wider.name(), k -> translator.translateMerged(policy.object, wider.object));
    } else {
      policy.usedAlone = true;
    }
    if (translated.security() == null) {
      return route.withDirectResponse(CLOSED.causedBy(policy.object.key()));
    }
    Map<String, String> extensions = new TreeMap<>(translated.security().contextExtensions());
    extensions.put("gateway", gateway.name());
    extensions.put("route_kind", route.source().kind());
    extensions.put("route_namespace", route.source().namespace());
    extensions.put("route_name", route.source().name());
    return route.withSecurity(translated.security().withContextExtensions(extensions));
  }

  /**
   * The wider policy a route's or rule's policy merges onto ({@code mergeType}): the listener's,
   * else the Gateway's; null when it does not merge or there is none.
   */
  private static PolicyClaims.Claim<Policy> mergeTarget(PolicyClaims.ForRoute<Policy> bearing, PolicyClaims.Claim<Policy> chosen) {
    boolean narrow = chosen == bearing.rule() || chosen == bearing.route();
    var spec = chosen.policy().translated.spec();
    if (!narrow || spec == null || spec.mergeType() == null) {
      return null;
    }
    PolicyClaims.Claim<Policy> wider = bearing.listener() != null ? bearing.listener() : bearing.gateway();
    return wider == null || wider.policy() == chosen.policy() ? null : wider;
  }

  private ObjectStatus status(Policy p) {
    boolean judgedAlone = p.translated.spec() == null || p.usedAlone || p.merged.isEmpty();
    String problem = judgedAlone ? p.translated.problem() : null;
    if (problem == null) {
      problem = p.merged.values().stream().map(SecurityPolicyTranslator.Translated::problem).filter(Objects::nonNull)
          .findFirst().orElse(null);
    }
    return PolicyStatuses.of(p.object, config, targets, p.resolution, problem, "", p.conflicts, p.overridden);
  }
}

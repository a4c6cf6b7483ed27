package dev.tollgate.translator.gateway.extensionpolicy;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.gateway.ReferenceGrants;
import dev.tollgate.translator.gateway.backend.BackendResolver;
import dev.tollgate.translator.gateway.policy.PolicyClaims;
import dev.tollgate.translator.gateway.policy.PolicyStatuses;
import dev.tollgate.translator.gateway.policy.PolicyTarget;
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
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies EnvoyExtensionPolicies (Lua scripts, external processors) to the routes of the IR, as
 * Envoy Gateway does: the most specific target wins (a route rule, a route, a listener, a whole
 * Gateway) and replaces wider policies; among policies on one target the oldest wins and the
 * others are Conflicted. An extension may be what guards a route, so a policy that cannot be
 * honoured (or read) closes its routes with 500 instead of serving them without it.
 */
public final class EnvoyExtensionPolicies {

  static final String KIND = "EnvoyExtensionPolicy";
  private static final DirectResponseIr CLOSED = new DirectResponseIr(500, "");

  private final ResourceSet resources;
  private final TranslatorConfig config;
  private final PolicyTargetResolver targets;
  private final ExtensionPolicyTranslator translator;

  public EnvoyExtensionPolicies(ResourceSet resources, TranslatorConfig config, Set<ObjectKey> ourGateways,
      ReferenceGrants grants, BackendResolver resolver) {
    this.resources = resources;
    this.config = config;
    this.targets = new PolicyTargetResolver(resources, ourGateways, grants);
    this.translator = new ExtensionPolicyTranslator(resources, resolver, grants, config.wasmModules());
  }

  /** One policy as this translation sees it. */
  private static final class Policy {
    final EnvoyGatewayPolicy object;
    final ExtensionPolicyTranslator.Translated translated;
    final PolicyTargetResolver.Resolution resolution;
    final Map<String, String> conflicts = new HashMap<>();
    final Map<String, Set<String>> overridden = new HashMap<>();

    Policy(EnvoyGatewayPolicy object, ExtensionPolicyTranslator.Translated translated, PolicyTargetResolver.Resolution resolution) {
      this.object = object;
      this.translated = translated;
      this.resolution = resolution;
    }

    String name() {
      return object.metadata().namespace() + "/" + object.metadata().name();
    }
  }

  /** The IR with every route's extensions applied; each policy's status is added to {@code statuses}. */
  public List<GatewayIr> apply(List<GatewayIr> gateways, List<ObjectStatus> statuses) {
    List<Policy> policies = new ArrayList<>();
    for (EnvoyGatewayPolicy object : resources.all(KIND, EnvoyGatewayPolicy.class)) {
      policies.add(new Policy(object, translator.translate(object), resolve(object)));
    }
    for (RejectedObject refused : resources.rejected(KIND)) {
      EnvoyGatewayPolicy object = refused.asEnvoyGatewayPolicy();
      policies.add(new Policy(object, ExtensionPolicyTranslator.Translated.refused(refused.summary()), resolve(object)));
    }
    if (policies.isEmpty()) {
      return gateways;
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
      out.add(claims.isEmpty() ? g : applyTo(g, claims));
    }
    policies.forEach(p -> statuses.add(PolicyStatuses.of(p.object, config, targets, p.resolution, p.translated.problem(),
        String.join("; ", p.translated.notes()), p.conflicts, p.overridden)));
    return out;
  }

  private PolicyTargetResolver.Resolution resolve(EnvoyGatewayPolicy object) {
    return targets.resolve(object, PolicyTargetFields.read(object.spec()));
  }

  private static GatewayIr applyTo(GatewayIr gateway, PolicyClaims<Policy> claims) {
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

  private static RouteIr applyTo(GatewayIr gateway, HttpListenerIr listener, RouteIr route, PolicyClaims<Policy> claims) {
    if (route.directResponse() != null) {
      return route; // answered by the proxy itself; no extension runs
    }
    PolicyClaims.ForRoute<Policy> bearing = claims.forRoute(gateway, listener, route);
    PolicyClaims.Claim<Policy> chosen = bearing.chosen();
    if (chosen == null) {
      return route;
    }
    for (PolicyClaims.Claim<Policy> wider : Arrays.asList(bearing.listener(), bearing.gateway())) {
      if (wider != null && wider != chosen) {
        wider.policy().overridden.computeIfAbsent(wider.target().id(), k -> new TreeSet<>()).add(route.source().namespacedName());
      }
    }
    var extensions = chosen.policy().translated.extensions();
    return extensions == null ? route.withDirectResponse(CLOSED.causedBy(chosen.policy().object.key()))
        : route.withExtensionFilters(extensions);
  }
}

package dev.tollgate.translator.gateway.extensionpolicy;

import static dev.tollgate.translator.status.ConditionTypes.ACCEPTED;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.gateway.ReferenceGrants;
import dev.tollgate.translator.gateway.policy.PolicyAncestors;
import dev.tollgate.translator.gateway.policy.PolicyClaims;
import dev.tollgate.translator.gateway.policy.PolicyTarget;
import dev.tollgate.translator.gateway.policy.PolicyTargetFields;
import dev.tollgate.translator.gateway.policy.PolicyTargetResolver;
import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.input.RejectedObject;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.ir.DirectResponseIr;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import dev.tollgate.translator.status.ObjectStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Envoy Gateway's EnvoyExtensionPolicy (Lua, Wasm, external processing), which Tollgate reads but
 * does not translate yet. An extension may be what authorizes requests, so serving its routes
 * without it could let through what it would refuse: every route a policy targets (by rule,
 * route, listener or Gateway) answers 500 instead, and the policy says so in its status. A policy
 * that could not be read closes the targets that can be read from it.
 */
public final class EnvoyExtensionPolicies {

  static final String KIND = "EnvoyExtensionPolicy";
  private static final DirectResponseIr CLOSED = new DirectResponseIr(500, "");
  private static final String NOT_IMPLEMENTED = "EnvoyExtensionPolicy is not implemented by Tollgate yet; the routes it "
      + "targets answer 500, since a Lua, Wasm or external-processing extension may be what guards them. "
      + "Remove the policy to serve them without it";

  private final ResourceSet resources;
  private final TranslatorConfig config;
  private final PolicyTargetResolver targets;

  public EnvoyExtensionPolicies(ResourceSet resources, TranslatorConfig config, Set<ObjectKey> ourGateways,
      ReferenceGrants grants) {
    this.resources = resources;
    this.config = config;
    this.targets = new PolicyTargetResolver(resources, ourGateways, grants);
  }

  /** One policy, read or refused. */
  private record Policy(EnvoyGatewayPolicy object, String refused, PolicyTargetResolver.Resolution resolution) {}

  /** The IR with every targeted route closed; each policy's status is added to {@code statuses}. */
  public List<GatewayIr> apply(List<GatewayIr> gateways, List<ObjectStatus> statuses) {
    List<Policy> policies = new ArrayList<>();
    for (EnvoyGatewayPolicy object : resources.all(KIND, EnvoyGatewayPolicy.class)) {
      policies.add(new Policy(object, null, resolve(object)));
    }
    for (RejectedObject refused : resources.rejected(KIND)) {
      EnvoyGatewayPolicy object = refused.asEnvoyGatewayPolicy();
      policies.add(new Policy(object, refused.summary(), resolve(object)));
    }
    if (policies.isEmpty()) {
      return gateways;
    }
    PolicyClaims<Policy> claims = new PolicyClaims<>();
    policies.forEach(p -> p.resolution().targets().forEach(t -> claims.claim(t, p)));
    List<GatewayIr> out = new ArrayList<>();
    for (GatewayIr g : gateways) {
      out.add(claims.isEmpty() ? g : close(g, claims));
    }
    policies.forEach(p -> statuses.add(status(p)));
    return out;
  }

  private PolicyTargetResolver.Resolution resolve(EnvoyGatewayPolicy object) {
    return targets.resolve(object, PolicyTargetFields.read(object.spec()));
  }

  private static GatewayIr close(GatewayIr gateway, PolicyClaims<Policy> claims) {
    List<HttpListenerIr> listeners = new ArrayList<>();
    for (HttpListenerIr listener : gateway.httpListeners()) {
      List<RouteIr> routes = new ArrayList<>(listener.routes().size());
      for (RouteIr route : listener.routes()) {
        PolicyClaims.ForRoute<Policy> bearing = claims.forRoute(gateway, listener, route);
        boolean targeted = bearing.rule() != null || bearing.route() != null || bearing.listener() != null
            || bearing.gateway() != null;
        routes.add(targeted && route.directResponse() == null ? route.withDirectResponse(CLOSED) : route);
      }
      listeners.add(listener.withRoutes(routes));
    }
    return gateway.withListeners(listeners);
  }

  private ObjectStatus status(Policy p) {
    PolicyAncestors ancestors = new PolicyAncestors(p.object(), config.controllerName(), config.transitionTime());
    String message = p.refused() == null ? NOT_IMPLEMENTED : "The policy cannot be applied: " + p.refused()
        + ". The routes it targets answer 500 until it is fixed";
    for (PolicyTarget t : p.resolution().targets()) {
      for (ParentReference ancestor : targets.ancestors(t)) {
        ancestors.of(ancestor).set(ACCEPTED, false, Reason.INVALID, message);
      }
    }
    ancestors.unreached(p.resolution(), Kinds.ENVOY_GATEWAY_GROUP, message);
    return ancestors.status();
  }
}

package dev.tollgate.translator.gateway;

import static dev.tollgate.translator.status.ConditionTypes.ACCEPTED;
import static dev.tollgate.translator.status.ConditionTypes.PROGRAMMED;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.gateway.address.ProxyServiceAddresses;
import dev.tollgate.translator.gateway.backend.BackendKindResolver;
import dev.tollgate.translator.gateway.backend.BackendObjects;
import dev.tollgate.translator.gateway.backend.EndpointSliceIndex;
import dev.tollgate.translator.gateway.backend.EnvoyGatewayBackends;
import dev.tollgate.translator.gateway.backend.ExtensionBackends;
import dev.tollgate.translator.extension.ExtensionObjects;
import dev.tollgate.translator.gateway.backend.BackendResolver;
import dev.tollgate.translator.gateway.backend.ServiceBackends;
import dev.tollgate.translator.gateway.envoyproxy.EnvoyProxies;
import dev.tollgate.translator.gateway.extensionpolicy.EnvoyExtensionPolicies;
import dev.tollgate.translator.gateway.listener.ListenerCertificates;
import dev.tollgate.translator.gateway.listener.ListenerValidator;
import dev.tollgate.translator.gateway.route.GrpcRouteTranslator;
import dev.tollgate.translator.gateway.route.HttpRouteTranslator;
import dev.tollgate.translator.gateway.route.RefusedRoute;
import dev.tollgate.translator.gateway.route.RouteAttacher;
import dev.tollgate.translator.gateway.route.RouteTranslations;
import dev.tollgate.translator.gateway.route.RouteView;
import dev.tollgate.translator.gateway.security.SecurityPolicies;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.XdsIr;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.envoygateway.EnvoyProxySpec;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.naming.XdsNames;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import dev.tollgate.translator.status.Conditions;
import dev.tollgate.translator.status.ObjectStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway stage: validates Gateway API objects, resolves their references, computes their
 * statuses and produces the IR. It never modifies its input; a bad object gets a False condition
 * and everything else is still translated.
 */
public final class GatewayStage {

  private final TranslatorConfig config;
  private final RouteTranslations routeTranslations;

  public GatewayStage(TranslatorConfig config) {
    this(config, new RouteTranslations());
  }

  /** A stage that reuses the unchanged routes' translations of the previous run on the same {@code routeTranslations}. */
  public GatewayStage(TranslatorConfig config, RouteTranslations routeTranslations) {
    this.config = config;
    this.routeTranslations = routeTranslations;
  }

  public GatewayStageResult run(ResourceSet resources) {
    List<ObjectStatus> statuses = new ArrayList<>();
    ReferenceGrants grants = new ReferenceGrants(resources.referenceGrants());
    BackendObjects backendObjects = new BackendObjects(resources, config, statuses);
    ExtensionObjects extensions = new ExtensionObjects(resources, config.extensionKinds());
    EndpointSliceIndex slices = new EndpointSliceIndex(resources.endpointSlices());
    List<BackendKindResolver> kinds = new ArrayList<>(List.of(new ServiceBackends(resources, slices), new EnvoyGatewayBackends(backendObjects)));
    config.extensionKinds().backendResources().forEach(k -> kinds.add(new ExtensionBackends(k, extensions)));
    BackendResolver backends = new BackendResolver(grants, kinds);
    EnvoyProxies proxies = new EnvoyProxies(resources, backends, config.transitionTime());
    GatewayClasses classes = new GatewayClasses(resources, proxies, config, statuses);
    ListenerValidator listeners = new ListenerValidator(new ListenerCertificates(resources, grants));

    Map<ObjectKey, GatewayState> gateways = new LinkedHashMap<>();
    Map<ObjectKey, EnvoyProxySpec> parameters = new HashMap<>();
    for (Gateway gateway : resources.gateways()) {
      String className = gateway.spec() == null ? null : gateway.spec().gatewayClassName();
      if (className == null || !classes.isOurs(className)) {
        continue;
      }
      GatewayState state = newState(gateway);
      listeners.validate(state);
      // Looked up even for a class that is not accepted: the EnvoyProxy's status names every Gateway using it.
      Optional<EnvoyProxies.Lookup> ownParameters = proxies.forGateway(gateway);
      if (!classes.isAccepted(className)) {
        pending(state, "GatewayClass " + className + " is not accepted");
      } else {
        EnvoyProxies.Lookup own = ownParameters.orElse(new EnvoyProxies.Lookup.Found(classes.parameters(className)));
        if (own instanceof EnvoyProxies.Lookup.Found found) {
          parameters.put(gateway.key(), found.spec());
        } else {
          invalidParameters(state, ((EnvoyProxies.Lookup.Problem) own).message());
        }
      }
      gateways.put(gateway.key(), state);
    }

    RouteAttacher attacher = new RouteAttacher(gateways, resources, config);
    RouteStatuses routeStatuses = new RouteStatuses(config, attacher);
    HttpRouteTranslator http = new HttpRouteTranslator(backends, extensions);
    GrpcRouteTranslator grpc = new GrpcRouteTranslator(backends, extensions);
    RouteTranslations.Run translations = routeTranslations.start(resources, slices);
    resources.httpRoutes().forEach(r -> routeStatuses.place(RouteView.of(r), translations.translate(r, () -> http.translate(r)))
        .ifPresent(statuses::add));
    resources.grpcRoutes().forEach(r -> routeStatuses.place(RouteView.of(r), translations.translate(r, () -> grpc.translate(r)))
        .ifPresent(statuses::add));
    translations.commit();
    for (RefusedRoute refused : refusedRoutes(resources)) {
      routeStatuses.place(refused.view(), refused.translated()).ifPresent(statuses::add);
    }

    List<GatewayIr> irs = new ArrayList<>();
    ProxyServiceAddresses proxyAddresses = new ProxyServiceAddresses(resources);
    for (GatewayState state : gateways.values()) {
      statuses.add(GatewayStatuses.finish(state, proxyAddresses));
      EnvoyProxySpec proxy = parameters.get(state.gateway().key());
      if (proxy != null) {
        irs.add(GatewayIrBuilder.build(state, EnvoyProxies.filterOrder(proxy)));
      }
    }
    irs.sort(Comparator.comparing(GatewayIr::name));
    irs = new SecurityPolicies(resources, config, gateways.keySet(), grants, backends).apply(irs, statuses);
    irs = new EnvoyExtensionPolicies(resources, config, gateways.keySet(), grants, backends).apply(irs, statuses);
    statuses.addAll(proxies.statuses());
    statuses.sort(ObjectStatus.ORDER);
    List<String> notices = new ArrayList<>(classes.notices());
    notices.addAll(proxies.notices());
    return new GatewayStageResult(new XdsIr(irs), statuses, notices);
  }

  private static List<RefusedRoute> refusedRoutes(ResourceSet resources) {
    List<RefusedRoute> out = new ArrayList<>();
    resources.rejected("HTTPRoute").forEach(r -> out.add(RefusedRoute.http(r)));
    resources.rejected("GRPCRoute").forEach(r -> out.add(RefusedRoute.grpc(r)));
    return out;
  }

  private GatewayState newState(Gateway gateway) {
    Long generation = gateway.metadata().generation();
    List<ListenerState> listeners = new ArrayList<>();
    for (Gateway.Listener l : gateway.spec().listeners()) {
      String xdsName = XdsNames.listener(gateway.metadata().namespace(), gateway.metadata().name(),
          l.name() == null ? "" : l.name());
      listeners.add(new ListenerState(l, xdsName, new Conditions(generation, config.transitionTime())));
    }
    return new GatewayState(gateway, new Conditions(generation, config.transitionTime()), listeners);
  }

  private static void invalidParameters(GatewayState state, String message) {
    state.conditions().set(ACCEPTED, false, Reason.INVALID_PARAMETERS, message);
    state.conditions().set(PROGRAMMED, false, Reason.INVALID, message);
    for (ListenerState l : state.listeners()) {
      l.markUnprogrammable();
      l.conditions().set(PROGRAMMED, false, Reason.INVALID, message);
    }
  }

  private static void pending(GatewayState state, String message) {
    state.conditions().set(ACCEPTED, false, Reason.INVALID, message);
    state.conditions().set(PROGRAMMED, false, Reason.PENDING, message);
    for (ListenerState l : state.listeners()) {
      l.markUnprogrammable();
      l.conditions().set(ACCEPTED, false, Reason.PENDING, message);
      l.conditions().set(PROGRAMMED, false, Reason.PENDING, message);
    }
  }
}

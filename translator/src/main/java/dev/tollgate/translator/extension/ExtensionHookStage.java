package dev.tollgate.translator.extension;

import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.ir.DestinationIr;
import dev.tollgate.translator.ir.ExtensionResourceIr;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.MirrorIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.naming.XdsNames;
import dev.tollgate.translator.pipeline.OutputStage;
import dev.tollgate.translator.pipeline.TranslationContext;
import dev.tollgate.translator.validate.XdsValidator;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extension's in-translation hooks, in Envoy Gateway's order, for each Gateway: the route hook
 * for routes that carry extension filters or are targeted by extension policies, the virtual-host
 * hook for every virtual host, the HTTP-listener hook for every listener, and the cluster hook for
 * clusters of extension backends. Runs before EnvoyPatchPolicies.
 */
public final class ExtensionHookStage implements OutputStage {

  private final ExtensionHooks hooks;
  private final HookSettings settings;
  private final XdsValidator validator;

  public ExtensionHookStage(ExtensionHooks hooks, HookSettings settings, XdsValidator validator) {
    this.hooks = hooks;
    this.settings = settings;
    this.validator = validator;
  }

  @Override
  public void apply(TranslationContext context) {
    ExtensionObjects objects = new ExtensionObjects(context.resources(), context.config().extensionKinds());
    Map<String, GatewayIr> irs = new HashMap<>();
    context.ir().gateways().forEach(g -> irs.put(g.name(), g));
    HookCalls.Circuit circuit = new HookCalls.Circuit();
    for (GatewayXds gateway : List.copyOf(context.gateways().values())) {
      GatewayIr ir = irs.get(gateway.gateway());
      if (ir == null) {
        continue;
      }
      HookCalls calls = new HookCalls(settings, validator, context, gateway.gateway(), circuit);
      try {
        context.replace(run(gateway, ir, objects, calls));
      } catch (HookCalls.Failure failure) {
        HookCalls.withhold(context, gateway.gateway(), failure);
      }
    }
  }

  private GatewayXds run(GatewayXds gateway, GatewayIr ir, ExtensionObjects objects, HookCalls calls) throws HookCalls.Failure {
    GatewayXds.Builder out = gateway.toBuilder();
    Map<String, RouteIr> routes = routesByName(ir);
    if (settings.isEnabled(Hook.ROUTE) || settings.isEnabled(Hook.VIRTUAL_HOST)) {
      for (var m : gateway.resources(XdsType.ROUTE)) {
        RouteConfiguration rc = (RouteConfiguration) m;
        GatewayResources.replace(out, XdsType.ROUTE, rc, routeConfiguration(rc, routes, objects, calls));
      }
    }
    if (settings.isEnabled(Hook.HTTP_LISTENER)) {
      Map<String, List<String>> sections = sectionsByListener(ir);
      ObjectKey gw = ir.source();
      for (var m : gateway.resources(XdsType.LISTENER)) {
        Listener listener = (Listener) m;
        List<ExtensionResourceIr> policies = objects.policiesTargeting(Kinds.GATEWAY_API_GROUP, "Gateway", gw.namespace(),
            gw.name(), sections.getOrDefault(listener.getName(), List.of()));
        Listener modified = calls.modify(Hook.HTTP_LISTENER, "listener " + listener.getName(), listener,
            () -> hooks.postHttpListenerModify(listener, policies));
        GatewayResources.replace(out, XdsType.LISTENER, listener, modified);
      }
    }
    if (settings.isEnabled(Hook.CLUSTER)) {
      for (var e : extensionBackends(ir).entrySet()) {
        Cluster cluster = (Cluster) gateway.resource(XdsType.CLUSTER, e.getKey()).orElse(null);
        if (cluster == null) {
          continue;
        }
        Cluster modified = calls.modify(Hook.CLUSTER, "cluster " + cluster.getName(), cluster,
            () -> hooks.postClusterModify(cluster, e.getValue()));
        GatewayResources.replace(out, XdsType.CLUSTER, cluster, modified);
      }
      GatewayResources.pruneUnusedEndpoints(out);
    }
    return out.build();
  }

  private RouteConfiguration routeConfiguration(RouteConfiguration rc, Map<String, RouteIr> routes, ExtensionObjects objects,
      HookCalls calls) throws HookCalls.Failure {
    RouteConfiguration.Builder builder = rc.toBuilder().clearVirtualHosts();
    for (VirtualHost vh : rc.getVirtualHostsList()) {
      VirtualHost.Builder host = vh.toBuilder().clearRoutes();
      for (Route route : vh.getRoutesList()) {
        host.addRoutes(route(route, vh, routes.get(route.getName()), objects, calls));
      }
      VirtualHost withRoutes = host.build();
      VirtualHost modified = withRoutes;
      if (settings.isEnabled(Hook.VIRTUAL_HOST)) {
        modified = calls.modify(Hook.VIRTUAL_HOST, "virtual host " + vh.getName(), withRoutes,
            () -> hooks.postVirtualHostModify(withRoutes));
      }
      builder.addVirtualHosts(modified);
    }
    return builder.build();
  }

  private Route route(Route route, VirtualHost vh, RouteIr ir, ExtensionObjects objects, HookCalls calls) throws HookCalls.Failure {
    if (ir == null || !settings.isEnabled(Hook.ROUTE)) {
      return route;
    }
    List<ExtensionResourceIr> resources = new ArrayList<>(ir.extensions());
    ObjectKey source = ir.source();
    resources.addAll(objects.policiesTargeting(Kinds.GATEWAY_API_GROUP, source.kind(), source.namespace(), source.name(), List.of()));
    if (resources.isEmpty()) {
      return route;
    }
    return calls.modify(Hook.ROUTE, "route " + route.getName(), route,
        () -> hooks.postRouteModify(route, vh.getDomainsList(), resources));
  }

  private static Map<String, RouteIr> routesByName(GatewayIr gateway) {
    Map<String, RouteIr> out = new HashMap<>();
    for (HttpListenerIr l : gateway.httpListeners()) {
      l.routes().forEach(r -> out.putIfAbsent(r.name(), r));
    }
    return out;
  }

  /** The Gateway listener names each Envoy listener serves: those sharing its port. */
  private static Map<String, List<String>> sectionsByListener(GatewayIr gateway) {
    Map<Integer, List<HttpListenerIr>> byPort = new LinkedHashMap<>();
    for (HttpListenerIr l : gateway.httpListeners()) {
      byPort.computeIfAbsent(XdsNames.containerPort(l.port()), p -> new ArrayList<>()).add(l);
    }
    Map<String, List<String>> out = new HashMap<>();
    for (List<HttpListenerIr> group : byPort.values()) {
      out.put(group.get(0).name(), group.stream().map(l -> l.name().substring(l.name().lastIndexOf('/') + 1)).toList());
    }
    return out;
  }

  /** Clusters of destinations with extension backends, with those backends, in cluster name order. */
  private static Map<String, List<ExtensionResourceIr>> extensionBackends(GatewayIr gateway) {
    Map<String, List<ExtensionResourceIr>> out = new java.util.TreeMap<>();
    for (HttpListenerIr l : gateway.httpListeners()) {
      for (RouteIr r : l.routes()) {
        List<DestinationIr> destinations = new ArrayList<>();
        if (r.destination() != null) {
          destinations.add(r.destination());
        }
        r.mirrors().stream().map(MirrorIr::destination).forEach(destinations::add);
        for (DestinationIr d : destinations) {
          if (!d.extensionBackends().isEmpty()) {
            out.putIfAbsent(d.name(), d.extensionBackends());
          }
        }
      }
    }
    return out;
  }
}

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
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The extension's in-translation hooks, in Envoy Gateway's order, for each Gateway: the route hook
 * for routes that carry extension filters or are targeted by extension policies, the virtual-host
 * hook for every virtual host, the HTTP-listener hook for every listener, the cluster hook for
 * clusters of extension backends, and the endpoints hook for every load assignment left after it.
 * Runs before EnvoyPatchPolicies.
 */
public final class ExtensionHookStage implements OutputStage {

  /** Hook calls in flight at once, per hook and Gateway. */
  static final int CONCURRENT_CALLS = 16;

  private final ExtensionHooks hooks;
  private final HookSettings settings;
  private final XdsValidator validator;
  private final ExecutorService executor = Executors.newFixedThreadPool(CONCURRENT_CALLS, r -> {
    Thread t = new Thread(r, "tollgate-extension-hook");
    t.setDaemon(true);
    return t;
  });

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
    List<RouteConfiguration> before = cast(gateway.resources(XdsType.ROUTE), RouteConfiguration.class);
    List<RouteConfiguration> after = before;
    if (settings.isEnabled(Hook.ROUTE)) {
      after = routes(after, routesByName(ir), objects, calls);
    }
    if (settings.isEnabled(Hook.VIRTUAL_HOST)) {
      after = virtualHosts(after, calls);
    }
    for (int i = 0; i < before.size(); i++) {
      GatewayResources.replace(out, XdsType.ROUTE, before.get(i), after.get(i));
    }
    if (settings.isEnabled(Hook.HTTP_LISTENER)) {
      Map<String, List<String>> sections = sectionsByListener(ir);
      ObjectKey gw = ir.source();
      List<HookCalls.Item<Listener>> items = new ArrayList<>();
      for (Listener listener : cast(gateway.resources(XdsType.LISTENER), Listener.class)) {
        List<ExtensionResourceIr> policies = objects.policiesTargeting(Kinds.GATEWAY_API_GROUP, "Gateway", gw.namespace(),
            gw.name(), sections.getOrDefault(listener.getName(), List.of()));
        items.add(new HookCalls.Item<>("listener " + listener.getName(), listener, () -> hooks.postHttpListenerModify(listener, policies),
            AuthorizationGuard::listener));
      }
      replaceAll(out, XdsType.LISTENER, items, calls.modifyAll(Hook.HTTP_LISTENER, items, executor));
    }
    if (settings.isEnabled(Hook.CLUSTER)) {
      List<HookCalls.Item<Cluster>> items = new ArrayList<>();
      for (var e : extensionBackends(ir).entrySet()) {
        gateway.resource(XdsType.CLUSTER, e.getKey()).map(Cluster.class::cast).ifPresent(cluster -> items.add(
            new HookCalls.Item<>("cluster " + cluster.getName(), cluster, () -> hooks.postClusterModify(cluster, e.getValue()), null)));
      }
      replaceAll(out, XdsType.CLUSTER, items, calls.modifyAll(Hook.CLUSTER, items, executor));
      GatewayResources.pruneUnusedEndpoints(out);
    }
    if (settings.isEnabled(Hook.ENDPOINTS)) {
      List<HookCalls.Item<ClusterLoadAssignment>> items = new ArrayList<>();
      for (ClusterLoadAssignment endpoints : cast(out.resources(XdsType.ENDPOINT), ClusterLoadAssignment.class)) {
        items.add(new HookCalls.Item<>("load assignment " + endpoints.getClusterName(), endpoints,
            () -> hooks.postEndpointsModify(endpoints), null, ExtensionHookStage::keepsClusterName));
      }
      replaceAll(out, XdsType.ENDPOINT, items, calls.modifyAll(Hook.ENDPOINTS, items, executor));
    }
    return out.build();
  }

  /** An EDS cluster finds its endpoints by name: a load assignment under another name would leave it without any. */
  private static String keepsClusterName(ClusterLoadAssignment original, ClusterLoadAssignment answer) {
    return answer.getClusterName().equals(original.getClusterName()) ? null
        : "it renames the load assignment to \"" + answer.getClusterName() + "\" (cluster_name must stay \""
            + original.getClusterName() + "\", the EDS cluster's name for its endpoints)";
  }

  /** The route hook for every route that carries extension resources, all route configurations at once. */
  private List<RouteConfiguration> routes(List<RouteConfiguration> configs, Map<String, RouteIr> routes, ExtensionObjects objects,
      HookCalls calls) throws HookCalls.Failure {
    List<HookCalls.Item<Route>> items = new ArrayList<>();
    List<int[]> positions = new ArrayList<>();
    for (int c = 0; c < configs.size(); c++) {
      List<VirtualHost> hosts = configs.get(c).getVirtualHostsList();
      for (int v = 0; v < hosts.size(); v++) {
        VirtualHost vh = hosts.get(v);
        boolean protectedHost = vh.getRoutesList().stream().anyMatch(AuthorizationGuard::isProtected);
        for (int r = 0; r < vh.getRoutesCount(); r++) {
          Route route = vh.getRoutes(r);
          List<ExtensionResourceIr> resources = extensionResources(routes.get(route.getName()), objects);
          if (!resources.isEmpty()) {
            items.add(new HookCalls.Item<>("route " + route.getName(), route,
                () -> hooks.postRouteModify(route, vh.getDomainsList(), resources),
                (before, after) -> AuthorizationGuard.route(before, after, protectedHost)));
            positions.add(new int[] {c, v, r});
          }
        }
      }
    }
    if (items.isEmpty()) {
      return configs;
    }
    List<Route> modified = calls.modifyAll(Hook.ROUTE, items, executor);
    List<RouteConfiguration.Builder> builders = configs.stream().map(RouteConfiguration::toBuilder).toList();
    for (int k = 0; k < items.size(); k++) {
      int[] at = positions.get(k);
      builders.get(at[0]).getVirtualHostsBuilder(at[1]).setRoutes(at[2], modified.get(k));
    }
    return builders.stream().map(RouteConfiguration.Builder::build).toList();
  }

  /** The virtual-host hook for every virtual host, after the route hook. */
  private List<RouteConfiguration> virtualHosts(List<RouteConfiguration> configs, HookCalls calls) throws HookCalls.Failure {
    List<HookCalls.Item<VirtualHost>> items = new ArrayList<>();
    List<int[]> positions = new ArrayList<>();
    for (int c = 0; c < configs.size(); c++) {
      List<VirtualHost> hosts = configs.get(c).getVirtualHostsList();
      for (int v = 0; v < hosts.size(); v++) {
        VirtualHost vh = hosts.get(v);
        items.add(new HookCalls.Item<>("virtual host " + vh.getName(), vh, () -> hooks.postVirtualHostModify(vh),
            AuthorizationGuard::virtualHost));
        positions.add(new int[] {c, v});
      }
    }
    if (items.isEmpty()) {
      return configs;
    }
    List<VirtualHost> modified = calls.modifyAll(Hook.VIRTUAL_HOST, items, executor);
    List<RouteConfiguration.Builder> builders = configs.stream().map(RouteConfiguration::toBuilder).toList();
    for (int k = 0; k < items.size(); k++) {
      builders.get(positions.get(k)[0]).setVirtualHosts(positions.get(k)[1], modified.get(k));
    }
    return builders.stream().map(RouteConfiguration.Builder::build).toList();
  }

  /** The extension objects a route's rule names, and the extension policies that target its route. */
  private static List<ExtensionResourceIr> extensionResources(RouteIr ir, ExtensionObjects objects) {
    if (ir == null) {
      return List.of();
    }
    List<ExtensionResourceIr> resources = new ArrayList<>(ir.extensions());
    ObjectKey source = ir.source();
    resources.addAll(objects.policiesTargeting(Kinds.GATEWAY_API_GROUP, source.kind(), source.namespace(), source.name(), List.of()));
    return resources;
  }

  private static <T extends com.google.protobuf.Message> void replaceAll(GatewayXds.Builder out, XdsType type,
      List<HookCalls.Item<T>> items, List<T> modified) {
    for (int k = 0; k < items.size(); k++) {
      GatewayResources.replace(out, type, items.get(k).original(), modified.get(k));
    }
  }

  private static <T> List<T> cast(List<com.google.protobuf.Message> messages, Class<T> type) {
    return messages.stream().map(type::cast).toList();
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

package dev.tollgate.translator.pipeline;

import dev.tollgate.translator.gateway.backend.ServiceBackends;
import dev.tollgate.translator.ir.BackendIr;
import dev.tollgate.translator.ir.DestinationIr;
import dev.tollgate.translator.ir.EndpointIr;
import dev.tollgate.translator.ir.ExtAuthIr;
import dev.tollgate.translator.ir.ExtensionsIr;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.JwtIr;
import dev.tollgate.translator.ir.MirrorIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.ir.SecurityIr;
import dev.tollgate.translator.xds.ClusterBuilder;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The endpoint fast path: when only EndpointSlices changed, the previous run's representation
 * stays right except for the endpoints read from them (nothing else reads EndpointSlices, and an
 * endpoint never decides a status). So the endpoints of the Services whose slices changed are read
 * again into the previous representation, and each affected Gateway's previous configuration gets
 * new load assignments and nothing else: no listener, route or cluster is rebuilt.
 *
 * <p>One instance serves one run. Unchanged parts of the representation keep their instances,
 * so a Gateway none of whose backends changed is the very same {@link GatewayIr}.
 */
final class EndpointRefresh {

  private final ServiceBackends services;
  /** The Services whose slices changed: names by namespace, looked up without building a key per backend. */
  private final Map<String, Set<String>> changedServices = new HashMap<>();
  private final Map<DestinationIr, DestinationIr> refreshed = new IdentityHashMap<>();
  /**
   * Policies' parts, shared by the routes a policy applies to: each is walked once per Gateway
   * (once per Gateway, so that its changed destinations are noted for each Gateway using it).
   */
  private final Map<JwtIr, JwtIr> jwts = new IdentityHashMap<>();
  private final Map<ExtAuthIr, ExtAuthIr> extAuths = new IdentityHashMap<>();
  private final Map<ExtensionsIr, ExtensionsIr> extensionFilters = new IdentityHashMap<>();
  /** The destinations of the Gateway being refreshed whose endpoints changed, by cluster name. */
  private Map<String, DestinationIr> changed;
  /** Whether two of its destinations of one name differ, which leaves the cluster name ambiguous. */
  private boolean ambiguous;

  /** A Gateway's representation read again from {@code from}, and the destinations of it that changed, by name. */
  record Refreshed(GatewayIr from, GatewayIr ir, Map<String, DestinationIr> changed, boolean ambiguous) {}

  EndpointRefresh(ServiceBackends services, Set<String> changedServices) {
    this.services = services;
    for (String service : changedServices) {
      int slash = service.indexOf('/');
      this.changedServices.computeIfAbsent(service.substring(0, slash), k -> new java.util.HashSet<>()).add(service.substring(slash + 1));
    }
  }

  /** The Gateway with its changed Services' endpoints read again; the same instance when none of them is used. */
  Refreshed refresh(GatewayIr gateway) {
    changed = new HashMap<>();
    ambiguous = false;
    jwts.clear();
    extAuths.clear();
    extensionFilters.clear();
    List<HttpListenerIr> listeners = mapAll(gateway.httpListeners(), this::refresh);
    return new Refreshed(gateway, listeners == gateway.httpListeners() ? gateway : gateway.withListeners(listeners),
        Map.copyOf(changed), ambiguous);
  }

  private HttpListenerIr refresh(HttpListenerIr listener) {
    List<RouteIr> routes = mapAll(listener.routes(), this::refresh);
    return routes == listener.routes() ? listener : listener.withRoutes(routes);
  }

  private RouteIr refresh(RouteIr r) {
    DestinationIr destination = refresh(r.destination());
    List<MirrorIr> mirrors = mapAll(r.mirrors(), m -> {
      DestinationIr d = refresh(m.destination());
      return d == m.destination() ? m : new MirrorIr(d, m.percent());
    });
    SecurityIr security = refresh(r.security());
    ExtensionsIr filters = r.extensionFilters() == null ? null : extensionFilters.computeIfAbsent(r.extensionFilters(), this::refresh);
    if (destination == r.destination() && mirrors == r.mirrors() && security == r.security() && filters == r.extensionFilters()) {
      return r;
    }
    return new RouteIr(r.name(), r.source(), r.hostname(), r.match(), destination, r.redirect(), r.directResponse(),
        r.urlRewrite(), r.requestHeaders(), r.responseHeaders(), mirrors, r.timeout(), r.grpc(), security, r.extensions(),
        filters);
  }

  private SecurityIr refresh(SecurityIr s) {
    if (s == null) {
      return null;
    }
    JwtIr jwt = s.jwt() == null ? null : jwts.computeIfAbsent(s.jwt(), this::refresh);
    ExtAuthIr ext = s.extAuth() == null ? null : extAuths.computeIfAbsent(s.extAuth(), this::refresh);
    return jwt == s.jwt() && ext == s.extAuth() ? s : s.withServices(jwt, ext);
  }

  private JwtIr refresh(JwtIr jwt) {
    List<JwtIr.Provider> providers = mapAll(jwt.providers(), p -> {
      JwtIr.RemoteJwks remote = p.remoteJwks();
      DestinationIr d = remote == null ? null : refresh(remote.destination());
      if (remote == null || d == remote.destination()) {
        return p;
      }
      return new JwtIr.Provider(p.name(), p.issuer(), p.audiences(), new JwtIr.RemoteJwks(remote.uri(), d, remote.cacheDurationMillis()),
          p.localJwks(), p.claimToHeaders(), p.recomputeRoute(), p.fromHeaders(), p.fromCookies(), p.fromParams());
    });
    return providers == jwt.providers() ? jwt : new JwtIr(providers, jwt.optional(), jwt.failOpen());
  }

  private ExtAuthIr refresh(ExtAuthIr e) {
    DestinationIr d = refresh(e.destination());
    return d == e.destination() ? e : new ExtAuthIr(e.filterName(), e.grpc(), d, e.authority(), e.path(),
        e.headersToExtAuth(), e.headersToBackend(), e.failOpen(), e.timeoutMillis(), e.body(), e.statusOnError(),
        e.recomputeRoute(), e.jwtPayloadToExtAuth());
  }

  private ExtensionsIr refresh(ExtensionsIr x) {
    List<ExtensionsIr.ExtProc> processors = mapAll(x.extProc(), p -> {
      DestinationIr d = refresh(p.destination());
      return d == p.destination() ? p : p.withDestination(d);
    });
    return processors == x.extProc() ? x : new ExtensionsIr(x.policy(), x.lua(), processors, x.wasm());
  }

  private DestinationIr refresh(DestinationIr d) {
    if (d == null) {
      return null;
    }
    DestinationIr now = refreshed.computeIfAbsent(d, original -> {
      List<BackendIr> backends = mapAll(original.backends(), b -> {
        if (b.service() == null || !changed(b.service())) {
          return b;
        }
        List<EndpointIr> endpoints = services.endpoints(b.service());
        return endpoints.equals(b.endpoints()) ? b : b.withEndpoints(endpoints);
      });
      return backends == original.backends() ? original
          : new DestinationIr(original.name(), original.source(), original.protocol(), backends, original.invalidWeight());
    });
    if (now != d) {
      DestinationIr other = changed.putIfAbsent(now.name(), now);
      ambiguous |= other != null && !other.equals(now);
    }
    return now;
  }

  private boolean changed(dev.tollgate.translator.ir.ServicePortIr service) {
    Set<String> names = changedServices.get(service.namespace());
    return names != null && names.contains(service.service());
  }

  /**
   * The previous configuration of a refreshed Gateway with the load assignments of its changed
   * destinations replaced, or null when that is not enough (a destination whose cluster holds its
   * endpoints inline, or whose name is ambiguous) and the Gateway must be generated again.
   */
  static GatewayXds withNewAssignments(GatewayXds previous, Refreshed gateway) {
    if (gateway.ambiguous()) {
      return null;
    }
    for (DestinationIr d : gateway.changed().values()) {
      if (!ClusterBuilder.usesEds(d) || previous.resource(XdsType.ENDPOINT, d.name()).isEmpty()) {
        return null;
      }
    }
    return previous.replacing(XdsType.ENDPOINT,
        new java.util.TreeMap<>(gateway.changed()).values().stream().map(ClusterBuilder::loadAssignment).toList());
  }

  /** The list with each element mapped; the same list instance when every element maps to itself. */
  private static <T> List<T> mapAll(List<T> list, UnaryOperator<T> f) {
    List<T> out = null;
    for (int i = 0; i < list.size(); i++) {
      T before = list.get(i);
      T after = f.apply(before);
      if (after != before && out == null) {
        out = new ArrayList<>(list.subList(0, i));
      }
      if (out != null) {
        out.add(after);
      }
    }
    return out == null ? list : List.copyOf(out);
  }
}

package dev.tollgate.translator.gateway;

import dev.tollgate.translator.ir.TlsIr;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.model.gatewayapi.GroupKind;
import dev.tollgate.translator.status.Conditions;
import java.util.ArrayList;
import java.util.List;

/** What the gateway stage learns about one Gateway listener while it works. */
public final class ListenerState {

  private final Gateway.Listener spec;
  private final String xdsName;
  private final Conditions conditions;
  private final List<GroupKind> supportedKinds = new ArrayList<>();
  private final List<RankedRoute> routes = new ArrayList<>();
  private final java.util.Set<String> routeNames = new java.util.HashSet<>();
  private boolean programmable = true;
  private int attachedRoutes;
  private TlsIr tls;

  public ListenerState(Gateway.Listener spec, String xdsName, Conditions conditions) {
    this.spec = spec;
    this.xdsName = xdsName;
    this.conditions = conditions;
  }

  public Gateway.Listener spec() {
    return spec;
  }

  public String name() {
    return spec.name() == null ? "" : spec.name();
  }

  /** The listener's hostname, or null when it accepts any. */
  public String hostname() {
    return spec.hostname() == null || spec.hostname().isEmpty() ? null : spec.hostname();
  }

  public String xdsName() {
    return xdsName;
  }

  public Conditions conditions() {
    return conditions;
  }

  public List<GroupKind> supportedKinds() {
    return supportedKinds;
  }

  /** Whether the listener ends up in the xDS output. */
  public boolean programmable() {
    return programmable;
  }

  public void markUnprogrammable() {
    programmable = false;
  }

  public int attachedRoutes() {
    return attachedRoutes;
  }

  public void countAttachedRoute() {
    attachedRoutes++;
  }

  public List<RankedRoute> routes() {
    return java.util.Collections.unmodifiableList(routes);
  }

  /** Adds a route unless one of the same name is already here (a route attached twice). */
  public void addRoute(RankedRoute route) {
    if (routeNames.add(route.route().name())) {
      routes.add(route);
    }
  }

  public TlsIr tls() {
    return tls;
  }

  public void setTls(TlsIr tls) {
    this.tls = tls;
  }
}

package dev.tollgate.translator.model.gatewayapi;

import java.util.List;

/** A route rule's backend: an object reference with a port and a traffic weight. */
public record BackendRef(
    String group,
    String kind,
    String name,
    String namespace,
    Integer port,
    Integer weight,
    List<HttpRouteFilter> filters) {
  public BackendRef {
    filters = filters == null ? List.of() : filters;
  }

  public BackendObjectReference object() {
    return new BackendObjectReference(group, kind, name, namespace, port);
  }
}

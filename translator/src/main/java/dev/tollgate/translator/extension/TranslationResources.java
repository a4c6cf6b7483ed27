package dev.tollgate.translator.extension;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import java.util.List;

/** The resources of one Gateway the translation hook sees and returns. */
public record TranslationResources(
    List<Cluster> clusters, List<Secret> secrets, List<Listener> listeners, List<RouteConfiguration> routes) {
  public TranslationResources {
    clusters = List.copyOf(clusters);
    secrets = List.copyOf(secrets);
    listeners = List.copyOf(listeners);
    routes = List.copyOf(routes);
  }
}

package dev.tollgate.translator.xds;

import com.google.protobuf.Message;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import java.util.Optional;

/** The five xDS resource types Tollgate serves, with their type URLs and output keys. */
public enum XdsType {
  LISTENER("listeners", "listener", Listener.getDefaultInstance()),
  ROUTE("routes", "route configuration", RouteConfiguration.getDefaultInstance()),
  CLUSTER("clusters", "cluster", Cluster.getDefaultInstance()),
  ENDPOINT("endpoints", "cluster load assignment", ClusterLoadAssignment.getDefaultInstance()),
  SECRET("secrets", "secret", Secret.getDefaultInstance());

  private static final String TYPE_URL_PREFIX = "type.googleapis.com/";

  private final String key;
  private final String label;
  private final Message prototype;

  XdsType(String key, String label, Message prototype) {
    this.key = key;
    this.label = label;
    this.prototype = prototype;
  }

  /** The key in {@code translate} output: listeners, routes, clusters, endpoints, secrets. */
  public String key() {
    return key;
  }

  /** How messages name a resource of this type: "cluster", "route configuration", ... */
  public String label() {
    return label;
  }

  public Message prototype() {
    return prototype;
  }

  public String typeUrl() {
    return TYPE_URL_PREFIX + prototype.getDescriptorForType().getFullName();
  }

  public static Optional<XdsType> fromTypeUrl(String typeUrl) {
    for (XdsType t : values()) {
      if (t.typeUrl().equals(typeUrl)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  public static Optional<XdsType> fromKey(String key) {
    for (XdsType t : values()) {
      if (t.key.equals(key)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The resource name of a message of this type. */
  public String nameOf(Message message) {
    return switch (this) {
      case LISTENER -> ((Listener) message).getName();
      case ROUTE -> ((RouteConfiguration) message).getName();
      case CLUSTER -> ((Cluster) message).getName();
      case ENDPOINT -> ((ClusterLoadAssignment) message).getClusterName();
      case SECRET -> ((Secret) message).getName();
    };
  }
}

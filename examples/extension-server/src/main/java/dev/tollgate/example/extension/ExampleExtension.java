package dev.tollgate.example.extension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.tollgate.extension.proto.EnvoyGatewayExtensionGrpc;
import dev.tollgate.extension.proto.ExtensionResource;
import dev.tollgate.extension.proto.PostClusterModifyRequest;
import dev.tollgate.extension.proto.PostClusterModifyResponse;
import dev.tollgate.extension.proto.PostEndpointsModifyRequest;
import dev.tollgate.extension.proto.PostEndpointsModifyResponse;
import dev.tollgate.extension.proto.PostHTTPListenerModifyRequest;
import dev.tollgate.extension.proto.PostHTTPListenerModifyResponse;
import dev.tollgate.extension.proto.PostRouteModifyRequest;
import dev.tollgate.extension.proto.PostRouteModifyResponse;
import dev.tollgate.extension.proto.PostTranslateModifyRequest;
import dev.tollgate.extension.proto.PostTranslateModifyResponse;
import dev.tollgate.extension.proto.PostVirtualHostModifyRequest;
import dev.tollgate.extension.proto.PostVirtualHostModifyResponse;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An extension that shows each hook at work, with three kinds of its own in the group
 * {@code example.tollgate.dev}:
 *
 * <ul>
 *   <li>Route: a rule's {@code extensionRef} to a {@code ResponseHeader} adds that header to the
 *       route's responses.
 *   <li>VirtualHost: every virtual host adds {@code x-example-extension: <virtual host>} to the
 *       responses of all its routes.
 *   <li>HTTPListener: a {@code ServerHeader} policy targeting the Gateway sets the
 *       {@code server} header the listener sends.
 *   <li>Cluster: a backendRef to a {@code StaticUpstream} gets its cluster's endpoints from the
 *       object's {@code spec.endpoints}.
 *   <li>Endpoints: every endpoint of a load assignment is labelled, in its metadata under
 *       {@code example.tollgate.dev}, with the backend it belongs to (its group's locality
 *       region, which names the backendRef), so that filters and access logs can tell backends
 *       apart.
 *   <li>Translation: adds a cluster for an audit service beside everything else.
 * </ul>
 */
public final class ExampleExtension extends EnvoyGatewayExtensionGrpc.EnvoyGatewayExtensionImplBase {

  public static final String GROUP = "example.tollgate.dev";
  public static final String AUDIT_CLUSTER = "example-extension/audit";
  static final String HCM = "envoy.filters.network.http_connection_manager";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void postRouteModify(PostRouteModifyRequest request, StreamObserver<PostRouteModifyResponse> response) {
    answer(response, () -> {
      Route.Builder route = request.getRoute().toBuilder();
      for (JsonNode object : objects(request.getPostRouteContext().getExtensionResourcesList(), "ResponseHeader")) {
        route.addResponseHeadersToAdd(header(object.path("spec").path("name").asText(), object.path("spec").path("value").asText()));
      }
      return PostRouteModifyResponse.newBuilder().setRoute(route).build();
    });
  }

  @Override
  public void postVirtualHostModify(PostVirtualHostModifyRequest request, StreamObserver<PostVirtualHostModifyResponse> response) {
    answer(response, () -> PostVirtualHostModifyResponse.newBuilder()
        .setVirtualHost(request.getVirtualHost().toBuilder()
            .addResponseHeadersToAdd(header("x-example-extension", request.getVirtualHost().getName())))
        .build());
  }

  @Override
  public void postHTTPListenerModify(PostHTTPListenerModifyRequest request, StreamObserver<PostHTTPListenerModifyResponse> response) {
    answer(response, () -> {
      List<JsonNode> policies = objects(request.getPostListenerContext().getExtensionResourcesList(), "ServerHeader");
      if (policies.isEmpty()) {
        return PostHTTPListenerModifyResponse.getDefaultInstance(); // unchanged
      }
      String serverName = policies.get(0).path("spec").path("serverName").asText();
      Listener.Builder listener = request.getListener().toBuilder();
      for (FilterChain.Builder chain : listener.getFilterChainsBuilderList()) {
        setServerName(chain, serverName);
      }
      if (listener.hasDefaultFilterChain()) {
        setServerName(listener.getDefaultFilterChainBuilder(), serverName);
      }
      return PostHTTPListenerModifyResponse.newBuilder().setListener(listener).build();
    });
  }

  @Override
  public void postClusterModify(PostClusterModifyRequest request, StreamObserver<PostClusterModifyResponse> response) {
    answer(response, () -> {
      Cluster cluster = request.getCluster();
      LocalityLbEndpoints.Builder locality = LocalityLbEndpoints.newBuilder();
      for (JsonNode upstream : objects(request.getPostClusterContext().getBackendExtensionResourcesList(), "StaticUpstream")) {
        for (JsonNode e : upstream.path("spec").path("endpoints")) {
          locality.addLbEndpoints(LbEndpoint.newBuilder().setEndpoint(Endpoint.newBuilder().setAddress(
              address(e.path("address").asText(), e.path("port").asInt()))));
        }
      }
      Cluster modified = cluster.toBuilder()
          .setType(Cluster.DiscoveryType.STATIC)
          .clearEdsClusterConfig()
          .setLoadAssignment(ClusterLoadAssignment.newBuilder().setClusterName(cluster.getName()).addEndpoints(locality))
          .build();
      return PostClusterModifyResponse.newBuilder().setCluster(modified).build();
    });
  }

  @Override
  public void postEndpointsModify(PostEndpointsModifyRequest request, StreamObserver<PostEndpointsModifyResponse> response) {
    answer(response, () -> {
      ClusterLoadAssignment.Builder endpoints = request.getLoadAssignment().toBuilder();
      for (LocalityLbEndpoints.Builder group : endpoints.getEndpointsBuilderList()) {
        // Tollgate names each backendRef's group of endpoints in its locality region.
        String backend = group.getLocality().getRegion().isEmpty() ? endpoints.getClusterName() : group.getLocality().getRegion();
        Metadata label = Metadata.newBuilder().putFilterMetadata(GROUP, Struct.newBuilder()
            .putFields("backend", Value.newBuilder().setStringValue(backend).build()).build()).build();
        for (LbEndpoint.Builder endpoint : group.getLbEndpointsBuilderList()) {
          endpoint.setMetadata(endpoint.getMetadata().toBuilder().mergeFrom(label));
        }
      }
      return PostEndpointsModifyResponse.newBuilder().setLoadAssignment(endpoints).build();
    });
  }

  @Override
  public void postTranslateModify(PostTranslateModifyRequest request, StreamObserver<PostTranslateModifyResponse> response) {
    answer(response, () -> {
      Cluster audit = Cluster.newBuilder()
          .setName(AUDIT_CLUSTER)
          .setType(Cluster.DiscoveryType.STRICT_DNS)
          .setConnectTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(5))
          .setLoadAssignment(ClusterLoadAssignment.newBuilder().setClusterName(AUDIT_CLUSTER)
              .addEndpoints(LocalityLbEndpoints.newBuilder().addLbEndpoints(LbEndpoint.newBuilder()
                  .setEndpoint(Endpoint.newBuilder().setAddress(address("audit.example-extension.svc.cluster.local", 9000))))))
          .build();
      List<Cluster> clusters = new ArrayList<>(request.getClustersList());
      clusters.removeIf(c -> c.getName().equals(AUDIT_CLUSTER));
      clusters.add(audit);
      return PostTranslateModifyResponse.newBuilder()
          .addAllClusters(clusters)
          .addAllSecrets(request.getSecretsList())
          .addAllListeners(request.getListenersList())
          .addAllRoutes(request.getRoutesList())
          .build();
    });
  }

  private static void setServerName(FilterChain.Builder chain, String serverName) throws InvalidProtocolBufferException {
    for (Filter.Builder filter : chain.getFiltersBuilderList()) {
      if (filter.getName().equals(HCM)) {
        HttpConnectionManager hcm = filter.getTypedConfig().unpack(HttpConnectionManager.class);
        filter.setTypedConfig(Any.pack(hcm.toBuilder().setServerName(serverName).build()));
      }
    }
  }

  /** The extension resources of one of this extension's kinds, parsed. */
  private static List<JsonNode> objects(List<ExtensionResource> resources, String kind) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (ExtensionResource r : resources) {
      JsonNode object = JSON.readTree(r.getUnstructuredBytes().toByteArray());
      if (object.path("apiVersion").asText().startsWith(GROUP + "/") && object.path("kind").asText().equals(kind)) {
        out.add(object);
      }
    }
    return out;
  }

  private static HeaderValueOption header(String name, String value) {
    return HeaderValueOption.newBuilder().setHeader(HeaderValue.newBuilder().setKey(name).setValue(value))
        .setAppendAction(HeaderValueOption.HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD).build();
  }

  private static Address address(String host, int port) {
    return Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress(host).setPortValue(port)).build();
  }

  private interface Answer<T> {
    T get() throws IOException;
  }

  private static <T> void answer(StreamObserver<T> response, Answer<T> answer) {
    try {
      response.onNext(answer.get());
      response.onCompleted();
    } catch (IOException | RuntimeException e) {
      response.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
    }
  }
}

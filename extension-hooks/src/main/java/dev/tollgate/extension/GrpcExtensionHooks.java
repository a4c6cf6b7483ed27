package dev.tollgate.extension;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.tollgate.extension.config.ExtensionSettings;
import dev.tollgate.extension.proto.EnvoyGatewayExtensionGrpc;
import dev.tollgate.extension.proto.ExtensionResource;
import dev.tollgate.extension.proto.PostClusterExtensionContext;
import dev.tollgate.extension.proto.PostClusterModifyRequest;
import dev.tollgate.extension.proto.PostClusterModifyResponse;
import dev.tollgate.extension.proto.PostEndpointsExtensionContext;
import dev.tollgate.extension.proto.PostEndpointsModifyRequest;
import dev.tollgate.extension.proto.PostEndpointsModifyResponse;
import dev.tollgate.extension.proto.PostHTTPListenerExtensionContext;
import dev.tollgate.extension.proto.PostHTTPListenerModifyRequest;
import dev.tollgate.extension.proto.PostHTTPListenerModifyResponse;
import dev.tollgate.extension.proto.PostRouteExtensionContext;
import dev.tollgate.extension.proto.PostRouteModifyRequest;
import dev.tollgate.extension.proto.PostRouteModifyResponse;
import dev.tollgate.extension.proto.PostTranslateExtensionContext;
import dev.tollgate.extension.proto.PostTranslateModifyRequest;
import dev.tollgate.extension.proto.PostTranslateModifyResponse;
import dev.tollgate.extension.proto.PostVirtualHostExtensionContext;
import dev.tollgate.extension.proto.PostVirtualHostModifyRequest;
import dev.tollgate.extension.proto.PostVirtualHostModifyResponse;
import dev.tollgate.translator.extension.ExtensionHookException;
import dev.tollgate.translator.extension.ExtensionHooks;
import dev.tollgate.translator.extension.TranslationResources;
import dev.tollgate.translator.ir.ExtensionResourceIr;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.grpc.ConnectivityState;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The hooks, called on an extension server over gRPC with Envoy Gateway's extension protocol.
 * Every call carries the configured deadline and message size limit; any failure becomes an
 * {@link ExtensionHookException} naming the hook, the server and what went wrong.
 */
public final class GrpcExtensionHooks implements ExtensionHooks, AutoCloseable {

  private final ExtensionSettings settings;
  private final ExtensionChannels.Opened opened;
  private final EnvoyGatewayExtensionGrpc.EnvoyGatewayExtensionBlockingStub stub;

  public GrpcExtensionHooks(ExtensionSettings settings) {
    this.settings = settings;
    this.opened = ExtensionChannels.open(settings);
    this.stub = EnvoyGatewayExtensionGrpc.newBlockingStub(opened.channel())
        .withMaxInboundMessageSize(settings.maxMessageSize())
        .withMaxOutboundMessageSize(settings.maxMessageSize());
  }

  @Override
  public Route postRouteModify(Route route, List<String> hostnames, List<ExtensionResourceIr> resources) throws ExtensionHookException {
    PostRouteModifyRequest request = PostRouteModifyRequest.newBuilder().setRoute(route)
        .setPostRouteContext(PostRouteExtensionContext.newBuilder().addAllHostnames(hostnames)
            .addAllExtensionResources(resources(resources)))
        .build();
    PostRouteModifyResponse response = call(request, s -> s.postRouteModify(request));
    return response.hasRoute() ? response.getRoute() : null;
  }

  @Override
  public VirtualHost postVirtualHostModify(VirtualHost virtualHost) throws ExtensionHookException {
    PostVirtualHostModifyRequest request = PostVirtualHostModifyRequest.newBuilder().setVirtualHost(virtualHost)
        .setPostVirtualHostContext(PostVirtualHostExtensionContext.getDefaultInstance()).build();
    PostVirtualHostModifyResponse response = call(request, s -> s.postVirtualHostModify(request));
    return response.hasVirtualHost() ? response.getVirtualHost() : null;
  }

  @Override
  public Listener postHttpListenerModify(Listener listener, List<ExtensionResourceIr> policies) throws ExtensionHookException {
    PostHTTPListenerModifyRequest request = PostHTTPListenerModifyRequest.newBuilder().setListener(listener)
        .setPostListenerContext(PostHTTPListenerExtensionContext.newBuilder().addAllExtensionResources(resources(policies)))
        .build();
    PostHTTPListenerModifyResponse response = call(request, s -> s.postHTTPListenerModify(request));
    return response.hasListener() ? response.getListener() : null;
  }

  @Override
  public Cluster postClusterModify(Cluster cluster, List<ExtensionResourceIr> backends) throws ExtensionHookException {
    PostClusterModifyRequest request = PostClusterModifyRequest.newBuilder().setCluster(cluster)
        .setPostClusterContext(PostClusterExtensionContext.newBuilder().addAllBackendExtensionResources(resources(backends)))
        .build();
    PostClusterModifyResponse response = call(request, s -> s.postClusterModify(request));
    return response.hasCluster() ? response.getCluster() : null;
  }

  @Override
  public ClusterLoadAssignment postEndpointsModify(ClusterLoadAssignment loadAssignment) throws ExtensionHookException {
    PostEndpointsModifyRequest request = PostEndpointsModifyRequest.newBuilder().setLoadAssignment(loadAssignment)
        .setPostEndpointsContext(PostEndpointsExtensionContext.getDefaultInstance()).build();
    PostEndpointsModifyResponse response = call(request, s -> s.postEndpointsModify(request));
    return response.hasLoadAssignment() ? response.getLoadAssignment() : null;
  }

  @Override
  public TranslationResources postTranslateModify(TranslationResources resources, List<ExtensionResourceIr> policies)
      throws ExtensionHookException {
    PostTranslateModifyRequest request = PostTranslateModifyRequest.newBuilder()
        .setPostTranslateContext(PostTranslateExtensionContext.newBuilder().addAllExtensionResources(resources(policies)))
        .addAllClusters(resources.clusters())
        .addAllSecrets(resources.secrets())
        .addAllListeners(resources.listeners())
        .addAllRoutes(resources.routes())
        .build();
    PostTranslateModifyResponse response = call(request, s -> s.postTranslateModify(request));
    return new TranslationResources(response.getClustersList(), response.getSecretsList(), response.getListenersList(),
        response.getRoutesList());
  }

  private <T> T call(Message request, Function<EnvoyGatewayExtensionGrpc.EnvoyGatewayExtensionBlockingStub, T> rpc)
      throws ExtensionHookException {
    if (request.getSerializedSize() > settings.maxMessageSize()) {
      throw new ExtensionHookException("request of " + request.getSerializedSize() + " bytes for extension server "
          + settings.target() + " is larger than maxMessageSize (" + settings.maxMessageSize() + " bytes)");
    }
    // After an outage the channel waits out a growing reconnect backoff; a hook call should not
    // fail because of it when the extension is back, so reconnect now and let the call wait for
    // the connection, within its deadline.
    if (opened.channel().getState(true) == ConnectivityState.TRANSIENT_FAILURE) {
      opened.channel().resetConnectBackoff();
    }
    try {
      return rpc.apply(stub.withWaitForReady().withDeadlineAfter(settings.timeout().toMillis(), TimeUnit.MILLISECONDS));
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      throw new ExtensionHookException(describe(e.getStatus()), code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED, e);
    }
  }

  /** What went wrong, in words: the status code alone rarely says it. */
  private String describe(Status status) {
    String server = "extension server " + settings.target();
    String detail = status.getDescription() == null ? "" : ": " + status.getDescription();
    return switch (status.getCode()) {
      case DEADLINE_EXCEEDED -> opened.channel().getState(false) == ConnectivityState.READY
          ? server + " did not answer within " + settings.timeout().toMillis() + " ms"
          : server + " could not be reached within " + settings.timeout().toMillis() + " ms";
      case UNAVAILABLE -> server + " is unavailable" + detail;
      case UNIMPLEMENTED -> server + " does not implement this hook" + detail;
      case RESOURCE_EXHAUSTED -> server + ": message larger than maxMessageSize (" + settings.maxMessageSize() + " bytes)" + detail;
      default -> server + " answered " + status.getCode() + detail;
    };
  }

  private static List<ExtensionResource> resources(List<ExtensionResourceIr> resources) {
    return resources.stream()
        .map(r -> ExtensionResource.newBuilder().setUnstructuredBytes(ByteString.copyFrom(r.json(), StandardCharsets.UTF_8)).build())
        .toList();
  }

  @Override
  public void close() {
    opened.channel().shutdownNow();
    try {
      opened.channel().awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (opened.group() != null) {
      opened.group().shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }
}

package dev.tollgate.extension;

import dev.tollgate.extension.proto.EnvoyGatewayExtensionGrpc;
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
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An extension server for tests: each hook answers with a function of its request, and every
 * request is recorded. A function may throw a {@link io.grpc.StatusRuntimeException} to fail the
 * call, or sleep to be late.
 */
final class ScriptedExtension extends EnvoyGatewayExtensionGrpc.EnvoyGatewayExtensionImplBase {

  volatile Function<PostRouteModifyRequest, PostRouteModifyResponse> route = r -> PostRouteModifyResponse.getDefaultInstance();
  volatile Function<PostVirtualHostModifyRequest, PostVirtualHostModifyResponse> virtualHost =
      r -> PostVirtualHostModifyResponse.getDefaultInstance();
  volatile Function<PostHTTPListenerModifyRequest, PostHTTPListenerModifyResponse> listener =
      r -> PostHTTPListenerModifyResponse.getDefaultInstance();
  volatile Function<PostClusterModifyRequest, PostClusterModifyResponse> cluster = r -> PostClusterModifyResponse.getDefaultInstance();
  volatile Function<PostEndpointsModifyRequest, PostEndpointsModifyResponse> endpoints =
      r -> PostEndpointsModifyResponse.getDefaultInstance();
  volatile Function<PostTranslateModifyRequest, PostTranslateModifyResponse> translate = r -> PostTranslateModifyResponse.newBuilder()
      .addAllClusters(r.getClustersList()).addAllSecrets(r.getSecretsList())
      .addAllListeners(r.getListenersList()).addAllRoutes(r.getRoutesList()).build();

  final List<Object> requests = new CopyOnWriteArrayList<>();

  @Override
  public void postRouteModify(PostRouteModifyRequest request, StreamObserver<PostRouteModifyResponse> response) {
    answer(request, route, response);
  }

  @Override
  public void postVirtualHostModify(PostVirtualHostModifyRequest request, StreamObserver<PostVirtualHostModifyResponse> response) {
    answer(request, virtualHost, response);
  }

  @Override
  public void postHTTPListenerModify(PostHTTPListenerModifyRequest request, StreamObserver<PostHTTPListenerModifyResponse> response) {
    answer(request, listener, response);
  }

  @Override
  public void postClusterModify(PostClusterModifyRequest request, StreamObserver<PostClusterModifyResponse> response) {
    answer(request, cluster, response);
  }

  @Override
  public void postEndpointsModify(PostEndpointsModifyRequest request, StreamObserver<PostEndpointsModifyResponse> response) {
    answer(request, endpoints, response);
  }

  @Override
  public void postTranslateModify(PostTranslateModifyRequest request, StreamObserver<PostTranslateModifyResponse> response) {
    answer(request, translate, response);
  }

  private <Q, A> void answer(Q request, Function<Q, A> function, StreamObserver<A> response) {
    requests.add(request);
    try {
      response.onNext(function.apply(request));
      response.onCompleted();
    } catch (io.grpc.StatusRuntimeException e) {
      response.onError(e);
    } catch (RuntimeException e) {
      response.onError(Status.INTERNAL.withDescription(e.getMessage()).asRuntimeException());
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

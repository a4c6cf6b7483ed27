package io.grpc.xds;

import io.grpc.MetricRecorder;
import io.grpc.Status;
import io.grpc.StatusOr;
import io.grpc.internal.ObjectPool;
import io.grpc.xds.client.Bootstrapper;
import io.grpc.xds.client.XdsClient;
import io.grpc.xds.client.XdsInitializationException;
import io.grpc.xds.client.XdsResourceType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * grpc-java's own xDS client, watching route configurations, clusters and load assignments by
 * name over ADS. It parses each resource strictly and ACKs or NACKs it; a watch completes with
 * what it parsed, or with the reason it did not. Lives in grpc's package for the resource types,
 * which grpc-java keeps package-private.
 */
public final class GrpcXdsProbe implements AutoCloseable {

  private final ObjectPool<XdsClient> pool;
  private final XdsClient client;

  public GrpcXdsProbe(String serverUri, String nodeCluster) throws XdsInitializationException {
    Map<String, ?> bootstrap = Map.of(
        "xds_servers", List.of(Map.of(
            "server_uri", serverUri,
            "channel_creds", List.of(Map.of("type", "insecure")),
            "server_features", List.of("xds_v3"))),
        "node", Map.of("id", "grpc-probe", "cluster", nodeCluster));
    Bootstrapper.BootstrapInfo info = InternalGrpcBootstrapperImpl.parseBootstrap(bootstrap);
    pool = new SharedXdsClientPoolProvider().getOrCreate("probe-" + UUID.randomUUID(), info, new MetricRecorder() {});
    client = pool.getObject();
  }

  public CompletableFuture<String> routeConfiguration(String name) {
    return watch(XdsRouteConfigureResource.getInstance(), name);
  }

  public CompletableFuture<String> cluster(String name) {
    return watch(XdsClusterResource.getInstance(), name);
  }

  public CompletableFuture<String> endpoints(String name) {
    return watch(XdsEndpointResource.getInstance(), name);
  }

  /** Completes with "ok: <parsed resource>" or "error: <status>". */
  private <T extends XdsClient.ResourceUpdate> CompletableFuture<String> watch(XdsResourceType<T> type, String name) {
    CompletableFuture<String> result = new CompletableFuture<>();
    client.watchXdsResource(type, name, new XdsClient.ResourceWatcher<T>() {
      @Override
      public void onResourceChanged(StatusOr<T> update) {
        result.complete(update.hasValue() ? "ok: " + update.getValue() : "error: " + update.getStatus());
      }

      @Override
      public void onAmbientError(Status error) {
        result.complete("error: " + error);
      }
    }, Runnable::run);
    return result;
  }

  @Override
  public void close() {
    pool.returnObject(client);
  }
}

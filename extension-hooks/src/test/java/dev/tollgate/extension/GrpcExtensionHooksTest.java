package dev.tollgate.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.extension.config.ExtensionSettings;
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
import dev.tollgate.extension.proto.PostVirtualHostModifyResponse;
import dev.tollgate.translator.extension.ExtensionHookException;
import dev.tollgate.translator.extension.TranslationResources;
import dev.tollgate.translator.ir.ExtensionResourceIr;
import dev.tollgate.translator.model.ObjectKey;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.grpc.Status;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gRPC client against a real extension server on loopback: every hook, and every way a call can fail. */
class GrpcExtensionHooksTest {

  private static final ExtensionResourceIr TAG = new ExtensionResourceIr(new ObjectKey("Tag.example.io", "default", "a"),
      "{\"apiVersion\":\"example.io/v1\",\"kind\":\"Tag\",\"metadata\":{\"name\":\"a\",\"namespace\":\"default\"},\"spec\":{\"v\":1}}");

  private ExtensionServerFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new ExtensionServerFixture();
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  @Test
  void routeHook_sendsRouteHostnamesAndResources_returnsTheExtensionsRoute() throws Exception {
    fixture.extension.route = r -> PostRouteModifyResponse.newBuilder()
        .setRoute(r.getRoute().toBuilder().setStatPrefix("from-extension")).build();
    try (GrpcExtensionHooks hooks = new GrpcExtensionHooks(fixture.settings(""))) {
      Route modified = hooks.postRouteModify(Route.newBuilder().setName("r").build(), List.of("www.example.com"), List.of(TAG));

      assertThat(modified.getName()).isEqualTo("r");
      assertThat(modified.getStatPrefix()).isEqualTo("from-extension");
    }
    PostRouteModifyRequest sent = (PostRouteModifyRequest) fixture.extension.requests.get(0);
    assertThat(sent.getPostRouteContext().getHostnamesList()).containsExactly("www.example.com");
    assertThat(sent.getPostRouteContext().getExtensionResources(0).getUnstructuredBytes().toString(StandardCharsets.UTF_8))
        .isEqualTo(TAG.json());
  }

  @Test
  void virtualHostHook_unsetAnswer_meansUnchanged() throws Exception {
    fixture.extension.virtualHost = r -> PostVirtualHostModifyResponse.getDefaultInstance();
    try (GrpcExtensionHooks hooks = new GrpcExtensionHooks(fixture.settings(""))) {
      assertThat(hooks.postVirtualHostModify(VirtualHost.newBuilder().setName("vh").build())).isNull();
    }
  }

  @Test
  void listenerAndClusterHooks_carryPoliciesAndBackends() throws Exception {
    fixture.extension.listener = r -> PostHTTPListenerModifyResponse.newBuilder()
        .setListener(r.getListener().toBuilder().setStatPrefix("p" + r.getPostListenerContext().getExtensionResourcesCount())).build();
    fixture.extension.cluster = r -> PostClusterModifyResponse.newBuilder()
        .setCluster(r.getCluster().toBuilder().setAltStatName("b" + r.getPostClusterContext().getBackendExtensionResourcesCount())).build();
    try (GrpcExtensionHooks hooks = new GrpcExtensionHooks(fixture.settings(""))) {
      assertThat(hooks.postHttpListenerModify(Listener.newBuilder().setName("l").build(), List.of(TAG, TAG)).getStatPrefix()).isEqualTo("p2");
      assertThat(hooks.postClusterModify(Cluster.newBuilder().setName("c").build(), List.of(TAG)).getAltStatName()).isEqualTo("b1");
    }
    assertThat(fixture.extension.requests).hasAtLeastOneElementOfType(PostHTTPListenerModifyRequest.class)
        .hasAtLeastOneElementOfType(PostClusterModifyRequest.class);
  }

  @Test
  void endpointsHook_sendsTheLoadAssignmentWithItsContext_returnsTheExtensionsOne() throws Exception {
    fixture.extension.endpoints = r -> PostEndpointsModifyResponse.newBuilder()
        .setLoadAssignment(r.getLoadAssignment().toBuilder().setEndpoints(0, r.getLoadAssignment().getEndpoints(0).toBuilder().setPriority(1)))
        .build();
    ClusterLoadAssignment sent = ClusterLoadAssignment.newBuilder().setClusterName("c").addEndpoints(LocalityLbEndpoints.getDefaultInstance())
        .build();
    try (GrpcExtensionHooks hooks = new GrpcExtensionHooks(fixture.settings(""))) {
      ClusterLoadAssignment got = hooks.postEndpointsModify(sent);

      assertThat(got.getClusterName()).isEqualTo("c");
      assertThat(got.getEndpoints(0).getPriority()).isEqualTo(1);

      fixture.extension.endpoints = r -> PostEndpointsModifyResponse.getDefaultInstance();
      assertThat(hooks.postEndpointsModify(sent)).as("an unset answer means unchanged").isNull();
    }
    PostEndpointsModifyRequest request = (PostEndpointsModifyRequest) fixture.extension.requests.get(0);
    assertThat(request.getLoadAssignment()).isEqualTo(sent);
    assertThat(request.hasPostEndpointsContext()).isTrue();
  }

  @Test
  void translationHook_returnsTheCompleteLists() throws Exception {
    fixture.extension.translate = r -> PostTranslateModifyResponse.newBuilder()
        .addAllClusters(r.getClustersList()).addClusters(Cluster.newBuilder().setName("added"))
        .addAllRoutes(r.getRoutesList()).build();
    TranslationResources sent = new TranslationResources(List.of(Cluster.newBuilder().setName("c").build()),
        List.of(Secret.newBuilder().setName("s").build()), List.of(), List.of(RouteConfiguration.newBuilder().setName("rc").build()));
    try (GrpcExtensionHooks hooks = new GrpcExtensionHooks(fixture.settings(""))) {
      TranslationResources got = hooks.postTranslateModify(sent, List.of(TAG));

      assertThat(got.clusters()).extracting(Cluster::getName).containsExactly("c", "added");
      assertThat(got.secrets()).isEmpty();
      assertThat(got.routes()).extracting(RouteConfiguration::getName).containsExactly("rc");
    }
    PostTranslateModifyRequest request = (PostTranslateModifyRequest) fixture.extension.requests.get(0);
    assertThat(request.getPostTranslateContext().getExtensionResourcesCount()).isEqualTo(1);
    assertThat(request.getSecretsList()).extracting(Secret::getName).containsExactly("s");
  }

  @Test
  void extensionError_namesTheServerAndItsMessage() {
    fixture.extension.route = r -> {
      throw Status.FAILED_PRECONDITION.withDescription("tag a is not ready").asRuntimeException();
    };
    ExtensionSettings settings = fixture.settings("");
    try (GrpcExtensionHooks hooks = new GrpcExtensionHooks(settings)) {
      assertThatThrownBy(() -> hooks.postRouteModify(Route.getDefaultInstance(), List.of(), List.of()))
          .isInstanceOf(ExtensionHookException.class)
          .hasMessage("extension server " + settings.target() + " answered FAILED_PRECONDITION: tag a is not ready");
    }
  }

  @Test
  void slowExtension_isCutOffAtTheTimeout() {
    fixture.extension.virtualHost = r -> {
      ScriptedExtension.sleep(3000);
      return PostVirtualHostModifyResponse.getDefaultInstance();
    };
    try (GrpcExtensionHooks hooks = new GrpcExtensionHooks(fixture.settings("timeout: 200ms"))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> hooks.postVirtualHostModify(VirtualHost.getDefaultInstance()))
          .isInstanceOf(ExtensionHookException.class)
          .hasMessageEndingWith("did not answer within 200 ms");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2500);
    }
  }

  @Test
  void stoppedExtension_isReportedUnreachable_afterWaitingOutTheTimeout() throws Exception {
    ExtensionSettings settings = fixture.settings("timeout: 300ms");
    fixture.stop();
    try (GrpcExtensionHooks hooks = new GrpcExtensionHooks(settings)) {
      assertThatThrownBy(() -> hooks.postVirtualHostModify(VirtualHost.getDefaultInstance()))
          .isInstanceOf(ExtensionHookException.class)
          .hasMessage("extension server " + settings.target() + " could not be reached within 300 ms")
          .matches(e -> ((ExtensionHookException) e).unreachable());
    }
  }

  @Test
  void extensionBackAfterAnOutage_isReachedAtOnce_notAfterTheReconnectBackoff() throws Exception {
    fixture.extension.virtualHost = r -> PostVirtualHostModifyResponse.newBuilder().setVirtualHost(r.getVirtualHost()).build();
    int port = fixture.server.getPort();
    ExtensionSettings settings = fixture.settings("timeout: 300ms");
    fixture.stop();
    try (GrpcExtensionHooks hooks = new GrpcExtensionHooks(settings)) {
      for (int i = 0; i < 3; i++) { // several failures: grpc's reconnect backoff grows past the timeout
        assertThatThrownBy(() -> hooks.postVirtualHostModify(VirtualHost.getDefaultInstance())).isInstanceOf(ExtensionHookException.class);
      }
      Server back = NettyServerBuilder.forAddress(new java.net.InetSocketAddress("127.0.0.1", port))
          .addService(fixture.extension).build().start();
      try {
        assertThat(hooks.postVirtualHostModify(VirtualHost.newBuilder().setName("vh").build()).getName()).isEqualTo("vh");
      } finally {
        back.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void messagesNearTheLimitPass_largerOnesAreRefusedBothWays() throws Exception {
    int limit = 64 * 1024;
    fixture.extension.route = r -> PostRouteModifyResponse.newBuilder().setRoute(r.getRoute()).build();
    try (GrpcExtensionHooks hooks = new GrpcExtensionHooks(fixture.settings("maxMessageSize: 64Ki"))) {
      Route near = Route.newBuilder().setName("x".repeat(limit - 200)).build();
      assertThat(hooks.postRouteModify(near, List.of(), List.of())).isEqualTo(near);

      Route over = Route.newBuilder().setName("x".repeat(limit + 10)).build();
      assertThatThrownBy(() -> hooks.postRouteModify(over, List.of(), List.of()))
          .isInstanceOf(ExtensionHookException.class)
          .hasMessageContaining("larger than maxMessageSize (65536 bytes)");

      fixture.extension.route = r -> PostRouteModifyResponse.newBuilder()
          .setRoute(Route.newBuilder().setName("y".repeat(limit + 10))).build();
      assertThatThrownBy(() -> hooks.postRouteModify(near, List.of(), List.of()))
          .isInstanceOf(ExtensionHookException.class)
          .hasMessageContaining("larger than maxMessageSize (65536 bytes)");
    }
  }

  @Test
  void unixSocket_reachesTheExtension(@TempDir Path dir) throws Exception {
    Path socket = dir.resolve("extension.sock");
    MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    ScriptedExtension extension = new ScriptedExtension();
    extension.virtualHost = r -> PostVirtualHostModifyResponse.newBuilder()
        .setVirtualHost(r.getVirtualHost().toBuilder().addDomains("over-unix")).build();
    Server server = NettyServerBuilder.forAddress(new DomainSocketAddress(socket.toString()))
        .channelType(EpollServerDomainSocketChannel.class).bossEventLoopGroup(group).workerEventLoopGroup(group)
        .addService(extension).build().start();
    try {
      ExtensionSettings tcp = fixture.settings("");
      ExtensionSettings unix = new ExtensionSettings(tcp.source(), tcp.kinds(), tcp.hooks(),
          new ExtensionSettings.UnixTarget(socket), null, tcp.maxMessageSize(), tcp.timeout());
      try (GrpcExtensionHooks hooks = new GrpcExtensionHooks(unix)) {
        assertThat(hooks.postVirtualHostModify(VirtualHost.getDefaultInstance()).getDomainsList()).containsExactly("over-unix");
      }
    } finally {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }
}

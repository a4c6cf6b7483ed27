package dev.tollgate.serve.xds;

import dev.tollgate.app.NetworkAddress;
import dev.tollgate.serve.ServeMetrics;
import dev.tollgate.serve.ServeSettings;
import dev.tollgate.serve.snapshot.GatewaySnapshots;
import dev.tollgate.serve.xds.auth.ProxyAuthentication;
import io.envoyproxy.controlplane.server.DiscoveryServerCallbacks;
import io.envoyproxy.controlplane.server.V3DiscoveryServer;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.util.AdvancedTlsX509KeyManager;
import io.grpc.util.AdvancedTlsX509TrustManager;
import io.micronaut.context.annotation.Context;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ADS server: state-of-the-world and incremental (delta) discovery over one gRPC service, on
 * a TCP address or a unix domain socket ({@code unix:/path}), in plain text or with TLS (mutual
 * when a client CA is configured), certificates re-read when their files change.
 */
@Context
public final class XdsServer {

  private static final Logger LOG = LoggerFactory.getLogger(XdsServer.class);

  private final ServeSettings settings;
  private final GatewaySnapshots snapshots;
  private final ServeMetrics metrics;
  private final ProxyAuthentication authentication;
  private ScheduledExecutorService reloadExecutor;
  private EventLoopGroup unixGroup;
  private Server server;
  private XdsCallbacks callbacks;

  public XdsServer(ServeSettings settings, GatewaySnapshots snapshots, ServeMetrics metrics, ProxyAuthentication authentication) {
    this.settings = settings;
    this.snapshots = snapshots;
    this.metrics = metrics;
    this.authentication = authentication;
  }

  @PostConstruct
  void start() throws IOException, GeneralSecurityException {
    callbacks = new XdsCallbacks(metrics, snapshots.nacks());
    V3DiscoveryServer discovery = snapshots.discoveryServer(List.<DiscoveryServerCallbacks>of(callbacks));
    NetworkAddress address = NetworkAddress.listening(settings.getXdsAddress());
    NettyServerBuilder builder = NettyServerBuilder.forAddress(socketAddress(address), credentials());
    if (address instanceof NetworkAddress.Unix) {
      if (!Epoll.isAvailable()) {
        throw new IllegalStateException("unix domain sockets need Linux epoll: " + Epoll.unavailabilityCause());
      }
      unixGroup = new MultiThreadIoEventLoopGroup(2, EpollIoHandler.newFactory());
      builder.channelType(EpollServerDomainSocketChannel.class).bossEventLoopGroup(unixGroup).workerEventLoopGroup(unixGroup);
    }
    // One service carries both StreamAggregatedResources and DeltaAggregatedResources; each
    // stream proves its Gateway first, unless proxy authentication is off.
    server = builder.addService(authentication.protect(discovery.getAggregatedDiscoveryServiceImpl()))
        .permitKeepAliveTime(30, TimeUnit.SECONDS)
        .build()
        .start();
    LOG.info("serving ADS on {}{}", boundAddress(), settings.getXdsTls().enabled()
        ? (settings.getXdsTls().getClientCa() == null ? " with TLS" : " with mutual TLS") : "");
  }

  private static SocketAddress socketAddress(NetworkAddress address) throws IOException {
    if (address instanceof NetworkAddress.Tcp tcp) {
      return new InetSocketAddress(tcp.host(), tcp.port());
    }
    String path = ((NetworkAddress.Unix) address).path();
    Files.deleteIfExists(Path.of(path)); // a socket left by an earlier run
    return new DomainSocketAddress(path);
  }

  private ServerCredentials credentials() throws IOException, GeneralSecurityException {
    ServeSettings.Tls tls = settings.getXdsTls();
    if (!tls.enabled()) {
      return InsecureServerCredentials.create();
    }
    reloadExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tollgate-xds-certificates");
      t.setDaemon(true);
      return t;
    });
    long period = tls.getReloadInterval().toMillis();
    File certificate = new File(tls.getCertificate());
    File key = new File(tls.getKey());
    AdvancedTlsX509KeyManager keys = new AdvancedTlsX509KeyManager();
    keys.updateIdentityCredentials(certificate, key);
    FileChanges identity = new FileChanges(certificate, key);
    reloadExecutor.scheduleWithFixedDelay(() -> identity.ifChanged(() -> keys.updateIdentityCredentials(certificate, key),
        "certificate and key " + certificate + ", " + key), period, period, TimeUnit.MILLISECONDS);
    TlsServerCredentials.Builder builder = TlsServerCredentials.newBuilder().keyManager(keys);
    if (tls.getClientCa() != null && !tls.getClientCa().isEmpty()) {
      File clientCa = new File(tls.getClientCa());
      AdvancedTlsX509TrustManager trust = AdvancedTlsX509TrustManager.newBuilder()
          .setVerification(AdvancedTlsX509TrustManager.Verification.CERTIFICATE_ONLY_VERIFICATION).build();
      trust.updateTrustCredentials(clientCa);
      FileChanges cas = new FileChanges(clientCa);
      reloadExecutor.scheduleWithFixedDelay(() -> cas.ifChanged(() -> trust.updateTrustCredentials(clientCa),
          "client CA " + clientCa), period, period, TimeUnit.MILLISECONDS);
      builder.trustManager(trust).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
    }
    return builder.build();
  }

  /** Where the server listens: {@code host:port} with the bound port, or {@code unix:/path}. */
  public String boundAddress() {
    SocketAddress a = server.getListenSockets().get(0);
    if (a instanceof InetSocketAddress inet) {
      return new NetworkAddress.Tcp(inet.getHostString(), inet.getPort()).toString();
    }
    return a instanceof DomainSocketAddress unix ? new NetworkAddress.Unix(unix.path()).toString() : a.toString();
  }

  /** What connected proxies refuse now (NACKs not yet followed by an ACK), one line per Gateway, type and reason. */
  public List<String> currentNacks() {
    return callbacks == null ? List.of() : callbacks.currentNacks();
  }

  public boolean running() {
    return server != null && !server.isShutdown();
  }

  @PreDestroy
  void stop() throws Exception {
    if (server != null) {
      server.shutdown();
      if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    }
    if (reloadExecutor != null) {
      reloadExecutor.shutdownNow();
    }
    if (unixGroup != null) {
      unixGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }
}

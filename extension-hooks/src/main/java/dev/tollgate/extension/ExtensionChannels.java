package dev.tollgate.extension;

import dev.tollgate.extension.config.ExtensionSettings;
import io.grpc.ManagedChannel;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Opens the channel to the extension: TCP or a unix domain socket, plaintext or TLS. */
final class ExtensionChannels {

  private ExtensionChannels() {}

  /** A channel and the event loop it alone uses (unix sockets), closed together. */
  record Opened(ManagedChannel channel, EventLoopGroup group) {}

  static Opened open(ExtensionSettings settings) {
    NettyChannelBuilder builder;
    EventLoopGroup group = null;
    if (settings.target() instanceof ExtensionSettings.UnixTarget unix) {
      if (!Epoll.isAvailable()) {
        throw new IllegalStateException("unix domain sockets need Linux epoll: " + Epoll.unavailabilityCause());
      }
      group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
      builder = NettyChannelBuilder.forAddress(new DomainSocketAddress(unix.path().toString()))
          .eventLoopGroup(group)
          .channelType(EpollDomainSocketChannel.class);
    } else {
      ExtensionSettings.TcpTarget tcp = (ExtensionSettings.TcpTarget) settings.target();
      builder = NettyChannelBuilder.forAddress(tcp.host(), tcp.port());
    }
    if (settings.tls() == null) {
      builder.usePlaintext();
    } else {
      builder.sslContext(sslContext(settings.tls()));
    }
    builder.maxInboundMessageSize(settings.maxMessageSize());
    return new Opened(builder.build(), group);
  }

  private static io.netty.handler.ssl.SslContext sslContext(ExtensionSettings.TlsFiles tls) {
    try {
      SslContextBuilder ssl = GrpcSslContexts.forClient().trustManager(tls.ca().toFile());
      if (tls.certificate() != null) {
        ssl.keyManager(tls.certificate().toFile(), tls.key().toFile());
      }
      return ssl.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the extension's TLS files: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot load the extension's TLS files: " + e.getMessage(), e);
    }
  }
}

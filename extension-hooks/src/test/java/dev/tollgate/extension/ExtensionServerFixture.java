package dev.tollgate.extension;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.extension.config.ExtensionConfigException;
import dev.tollgate.extension.config.ExtensionConfigLoader;
import dev.tollgate.extension.config.ExtensionSettings;
import dev.tollgate.translator.json.Mappers;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** A {@link ScriptedExtension} on a loopback port, and settings that reach it. */
final class ExtensionServerFixture implements AutoCloseable {

  final ScriptedExtension extension = new ScriptedExtension();
  final Server server;

  ExtensionServerFixture() throws IOException {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(extension).build().start();
  }

  /**
   * Settings for this server.
   *
   * @param extra more {@code extensionManager} fields, as YAML lines
   */
  ExtensionSettings settings(String extra) {
    String yaml = """
        extensionManager:
          resources: [{group: example.io, version: v1, kind: Tag}]
          policyResources: [{group: example.io, version: v1, kind: ListenerPolicy}]
          backendResources: [{group: example.io, version: v1, kind: Upstream}]
          hooks:
            xdsTranslator:
              post: [Route, VirtualHost, HTTPListener, Cluster, Endpoints, Translation]
          service:
            ip: {address: 127.0.0.1, port: %d}
        """.formatted(server.getPort()) + extra.indent(2);
    try {
      JsonNode doc = Mappers.yaml().readTree(yaml);
      return ExtensionConfigLoader.parse("test.yaml", doc, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ExtensionConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  void stop() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}

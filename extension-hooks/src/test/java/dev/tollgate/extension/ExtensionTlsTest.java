package dev.tollgate.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.extension.config.ExtensionConfigLoader;
import dev.tollgate.extension.config.ExtensionSettings;
import dev.tollgate.extension.proto.PostVirtualHostModifyResponse;
import dev.tollgate.testing.TestCertificates;
import dev.tollgate.translator.extension.ExtensionHookException;
import dev.tollgate.translator.json.Mappers;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.grpc.Server;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyServerBuilder;
import io.netty.handler.ssl.ClientAuth;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extension connection over mutual TLS, with the files named in the configuration. */
class ExtensionTlsTest {

  @TempDir Path dir;
  private Server server;

  @BeforeEach
  void start() throws Exception {
    TestCertificates.Pem serverPem = TestCertificates.selfSigned("extension", "EC", "localhost");
    TestCertificates.Pem clientPem = TestCertificates.selfSigned("tollgate", "EC", "tollgate");
    Files.writeString(dir.resolve("server.crt"), serverPem.certificate());
    Files.writeString(dir.resolve("server.key"), serverPem.privateKey());
    Files.writeString(dir.resolve("client.crt"), clientPem.certificate());
    Files.writeString(dir.resolve("client.key"), clientPem.privateKey());
    ScriptedExtension extension = new ScriptedExtension();
    extension.virtualHost = r -> PostVirtualHostModifyResponse.newBuilder()
        .setVirtualHost(r.getVirtualHost().toBuilder().addDomains("over-mtls")).build();
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .sslContext(GrpcSslContexts.forServer(dir.resolve("server.crt").toFile(), dir.resolve("server.key").toFile())
            .trustManager(dir.resolve("client.crt").toFile()).clientAuth(ClientAuth.REQUIRE).build())
        .addService(extension).build().start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void clientCertificateAndCa_fromFilesBesideTheConfiguration_reachTheExtension() throws Exception {
    ExtensionSettings settings = settings("tls: {caFile: server.crt, certificateFile: client.crt, keyFile: client.key}");
    try (GrpcExtensionHooks hooks = new GrpcExtensionHooks(settings)) {
      assertThat(hooks.postVirtualHostModify(VirtualHost.getDefaultInstance()).getDomainsList()).containsExactly("over-mtls");
    }
  }

  @Test
  void withoutAClientCertificate_theExtensionRefusesTheConnection() throws Exception {
    ExtensionSettings settings = settings("tls: {caFile: server.crt}");
    try (GrpcExtensionHooks hooks = new GrpcExtensionHooks(settings)) {
      assertThatThrownBy(() -> hooks.postVirtualHostModify(VirtualHost.getDefaultInstance()))
          .isInstanceOf(ExtensionHookException.class);
    }
  }

  private ExtensionSettings settings(String tls) throws Exception {
    String yaml = "timeout: 2s\nservice:\n  fqdn: {hostname: localhost, port: " + server.getPort() + "}\n  " + tls + "\n";
    return ExtensionConfigLoader.parse("ext.yaml", Mappers.yaml().readTree(yaml), dir);
  }
}

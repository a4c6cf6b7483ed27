package dev.tollgate.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.testing.TestCertificates;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.output.TranslationDocument;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The admin endpoints, and ADS over a unix domain socket and over (mutual) TLS. */
class AdminAndTransportTest {

  @Test
  void adminEndpoints_healthMetricsAndConfigDump() throws Exception {
    try (ServeFixture serve = ServeFixture.serving("basic/quickstart.in.yaml")) {
      assertThat(serve.get("/health").statusCode()).isEqualTo(200);
      assertThat(serve.get("/health/liveness").statusCode()).isEqualTo(200);
      var readiness = serve.get("/health/readiness");
      assertThat(readiness.statusCode()).isEqualTo(200);
      assertThat(readiness.body()).contains("default/eg");
      var metrics = serve.get("/metrics");
      assertThat(metrics.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
      assertThat(metrics.body()).contains("tollgate_translations_total{outcome=\"ok\"} 1.0")
          .contains("tollgate_translation_duration_seconds_count").contains("jvm_memory_used_bytes");
      JsonNode dump = Mappers.json().readTree(serve.get("/config_dump").body());
      JsonNode expected = TranslationDocument.xds(serve.translate().gateways(), TranslationDocument.Secrets.REDACTED);
      assertThat(dump.get("xds")).isEqualTo(expected);
      assertThat(serve.get("/config_dump?gateway=default/nope").statusCode()).isEqualTo(404);
      assertThat(serve.get("/statuses").body()).contains("\"kind\" : \"HTTPRoute\"");
    }
  }

  @Test
  void ads_overAUnixDomainSocket() throws Exception {
    Path socket = Files.createTempDirectory("tollgate-uds").resolve("xds.sock");
    try (ServeFixture serve = ServeFixture.serving(List.of("basic/quickstart.in.yaml"), Map.of("tollgate.xds-address", "unix:" + socket));
        AdsTestClient proxy = new AdsTestClient(serve.xdsAddress(), "default/eg")) {
      assertThat(serve.xdsAddress()).isEqualTo("unix:" + socket);
      proxy.request(XdsType.CLUSTER.typeUrl(), List.of(), "", "");
      assertThat(proxy.next(Duration.ofSeconds(5)).getResourcesCount()).isEqualTo(1);
    }
  }

  @Test
  void ads_overMutualTls_admitsOnlyClientsWithACertificateOfTheClientCa() throws Exception {
    Path dir = Files.createTempDirectory("tollgate-tls");
    TestCertificates.Pem server = TestCertificates.selfSigned("tollgate", "EC", "localhost");
    TestCertificates.Pem client = TestCertificates.selfSigned("envoy", "EC", "envoy");
    TestCertificates.Pem stranger = TestCertificates.selfSigned("stranger", "EC", "stranger");
    for (var e : Map.of("server.crt", server.certificate(), "server.key", server.privateKey(), "client.crt", client.certificate(),
        "client.key", client.privateKey(), "stranger.crt", stranger.certificate(), "stranger.key", stranger.privateKey()).entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue());
    }
    Map<String, Object> tls = Map.of(
        "tollgate.xds-tls.certificate", dir.resolve("server.crt").toString(),
        "tollgate.xds-tls.key", dir.resolve("server.key").toString(),
        "tollgate.xds-tls.client-ca", dir.resolve("client.crt").toString());
    try (ServeFixture serve = ServeFixture.serving(List.of("basic/quickstart.in.yaml"), tls)) {
      int port = Integer.parseInt(serve.xdsAddress().substring(serve.xdsAddress().lastIndexOf(':') + 1));
      assertThat(firstClusterCount(channel(port, dir, "client"))).isEqualTo(1);
      assertThatThrownBy(() -> firstClusterCount(channel(port, dir, "stranger"))).hasMessageContaining("UNAVAILABLE");
    }
  }

  @Test
  void tlsCertificate_replacedOnDisk_isServedToNewConnectionsWithoutARestart() throws Exception {
    Path dir = Files.createTempDirectory("tollgate-tls-reload");
    TestCertificates.Pem before = TestCertificates.selfSigned("before", "EC", "localhost");
    TestCertificates.Pem after = TestCertificates.selfSigned("after", "EC", "localhost");
    Files.writeString(dir.resolve("server.crt"), before.certificate());
    Files.writeString(dir.resolve("server.key"), before.privateKey());
    Files.writeString(dir.resolve("after.crt"), after.certificate());
    Map<String, Object> tls = Map.of(
        "tollgate.xds-tls.certificate", dir.resolve("server.crt").toString(),
        "tollgate.xds-tls.key", dir.resolve("server.key").toString(),
        "tollgate.xds-tls.reload-interval", "100ms");
    try (ServeFixture serve = ServeFixture.serving(List.of("basic/quickstart.in.yaml"), tls)) {
      int port = Integer.parseInt(serve.xdsAddress().substring(serve.xdsAddress().lastIndexOf(':') + 1));
      assertThat(firstClusterCount(trusting(port, dir.resolve("server.crt")))).isEqualTo(1);
      Path trustedBefore = dir.resolve("before.crt");
      Files.copy(dir.resolve("server.crt"), trustedBefore);
      Files.writeString(dir.resolve("server.key"), after.privateKey());
      Files.writeString(dir.resolve("server.crt"), after.certificate());
      Thread.sleep(1000);
      assertThat(firstClusterCount(trusting(port, dir.resolve("after.crt")))).isEqualTo(1);
      assertThatThrownBy(() -> firstClusterCount(trusting(port, trustedBefore))).hasMessageContaining("UNAVAILABLE");
    }
  }

  private static ManagedChannel trusting(int port, Path ca) throws Exception {
    return NettyChannelBuilder.forAddress("localhost", port, TlsChannelCredentials.newBuilder().trustManager(ca.toFile()).build()).build();
  }

  private static ManagedChannel channel(int port, Path dir, String clientName) throws Exception {
    return NettyChannelBuilder.forAddress("localhost", port, TlsChannelCredentials.newBuilder()
        .trustManager(dir.resolve("server.crt").toFile())
        .keyManager(dir.resolve(clientName + ".crt").toFile(), dir.resolve(clientName + ".key").toFile())
        .build()).build();
  }

  private static int firstClusterCount(ManagedChannel channel) throws Exception {
    try {
      var responses = new java.util.concurrent.LinkedBlockingQueue<Object>();
      var stream = AggregatedDiscoveryServiceGrpc.newStub(channel).streamAggregatedResources(new io.grpc.stub.StreamObserver<>() {
        @Override
        public void onNext(io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse r) {
          responses.add(r);
        }

        @Override
        public void onError(Throwable t) {
          responses.add(t);
        }

        @Override
        public void onCompleted() {}
      });
      stream.onNext(DiscoveryRequest.newBuilder().setNode(Node.newBuilder().setId("p").setCluster("default/eg"))
          .setTypeUrl(XdsType.CLUSTER.typeUrl()).build());
      Object first = responses.poll(5, TimeUnit.SECONDS);
      if (first instanceof Throwable t) {
        throw new IllegalStateException(t.toString(), t);
      }
      return ((io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse) first).getResourcesCount();
    } finally {
      channel.shutdownNow();
    }
  }
}

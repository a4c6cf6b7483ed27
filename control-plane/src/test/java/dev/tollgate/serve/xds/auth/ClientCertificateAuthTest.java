package dev.tollgate.serve.xds.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.certs.CertificateIssuer;
import dev.tollgate.certs.Issued;
import dev.tollgate.certs.PemFiles;
import dev.tollgate.cli.Main;
import dev.tollgate.serve.xds.XdsServer;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.NettyChannelBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with the file provider, mutual TLS and {@code tollgate.proxy-auth=client-certificate},
 * with certificates issued by {@code tollgate certs}: a proxy gets exactly the Gateway its
 * certificate names, and nothing without such a certificate.
 */
class ClientCertificateAuthTest {

  private static final String LDS = "type.googleapis.com/envoy.config.listener.v3.Listener";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration QUIET = Duration.ofMillis(500);

  @TempDir static Path dir;
  private static ApplicationContext context;

  @BeforeAll
  static void start() throws Exception {
    certs("ca", "--out", dir.resolve("ca").toString());
    certs("server", "--ca", dir.resolve("ca").toString(), "--dns", "localhost", "--ip", "127.0.0.1",
        "--out", dir.resolve("server").toString());
    certs("proxy", "--ca", dir.resolve("ca").toString(), "--gateway", "default/a", "--out", dir.resolve("proxy-a").toString());
    Issued ca = PemFiles.readCa(dir.resolve("ca/ca.crt"), dir.resolve("ca/ca.key"));
    Instant now = Instant.now();
    write("no-san", CertificateIssuer.client(ca, "default/a", List.of(), now, Duration.ofDays(1)));
    write("two-sans", CertificateIssuer.client(ca, "default/a",
        List.of("spiffe://tollgate.dev/ns/default/gateway/a", "spiffe://tollgate.dev/ns/default/gateway/b"), now, Duration.ofDays(1)));
    write("malformed-san", CertificateIssuer.client(ca, "default/a",
        List.of("spiffe://tollgate.dev/ns/default/gateway/a/extra"), now, Duration.ofDays(1)));
    Issued otherCa = CertificateIssuer.ca("Another CA", now, Duration.ofDays(1));
    write("other-ca", CertificateIssuer.proxy(otherCa, "default/a", now, Duration.ofDays(1)));

    Path resources = Files.createDirectory(dir.resolve("resources"));
    try (InputStream in = ClientCertificateAuthTest.class.getResourceAsStream("two-gateways.yaml")) {
      Files.copy(in, resources.resolve("two-gateways.yaml"));
    }
    Map<String, Object> p = serveSettings(resources);
    p.put("tollgate.xds-tls.certificate", dir.resolve("server/server.crt").toString());
    p.put("tollgate.xds-tls.key", dir.resolve("server/server.key").toString());
    p.put("tollgate.xds-tls.client-ca", dir.resolve("ca/ca.crt").toString());
    context = ApplicationContext.run(p);
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  private static Map<String, Object> serveSettings(Path resources) {
    Map<String, Object> p = new HashMap<>();
    p.put("micronaut.server.port", -1);
    p.put("tollgate.provider", "file");
    p.put("tollgate.xds-address", "127.0.0.1:0");
    p.put("tollgate.resources", List.of(resources.toString()));
    p.put("tollgate.debounce", "50ms");
    p.put("tollgate.proxy-auth", "client-certificate");
    return p;
  }

  private static void certs(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] command = new String[args.length + 1];
    command[0] = "certs";
    System.arraycopy(args, 0, command, 1, args.length);
    assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), command)).as(err.toString()).isZero();
  }

  private static void write(String name, Issued issued) throws Exception {
    Files.createDirectories(dir.resolve(name));
    PemFiles.write(issued, dir.resolve(name + "/proxy.crt"), dir.resolve(name + "/proxy.key"), false);
  }

  /** A proxy's stream over mutual TLS with the client certificate in {@code dir/NAME/proxy.*}, trusting Tollgate's CA. */
  private static TokenAdsStream stream(String certificate, String gateway) throws Exception {
    String address = context.getBean(XdsServer.class).boundAddress();
    int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    Path client = dir.resolve(certificate);
    TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder().trustManager(dir.resolve("ca/ca.crt").toFile())
        .keyManager(client.resolve("proxy.crt").toFile(), client.resolve("proxy.key").toFile());
    return new TokenAdsStream(NettyChannelBuilder.forAddress("127.0.0.1", port, tls.build()).build(), null, gateway);
  }

  private static double rejected(String reason) {
    Counter c = context.getBean(MeterRegistry.class).find(ProxyAuthMetrics.REJECTED).tag("reason", reason).counter();
    return c == null ? 0 : c.count();
  }

  private static List<String> listeners(DiscoveryResponse response) throws Exception {
    List<String> out = new ArrayList<>();
    for (var any : response.getResourcesList()) {
      out.add(any.unpack(Listener.class).getName());
    }
    return out;
  }

  @Test
  void proxyWithTheCertificateOfGatewayA_getsAsListenerOnly() throws Exception {
    try (TokenAdsStream proxy = stream("proxy-a", "default/a")) {
      proxy.request(LDS);
      DiscoveryResponse response = proxy.response(WAIT);
      assertThat(response).as("a listener response").isNotNull();
      assertThat(listeners(response)).containsExactly("default/a/http");
      assertThat(proxy.closedWith(QUIET)).as("the stream stays open").isNull();
    }
  }

  @Test
  void certificateOfGatewayA_askingForGatewayB_isRefused_andCounted() throws Exception {
    double before = rejected("wrong-gateway");
    try (TokenAdsStream proxy = stream("proxy-a", "default/b")) {
      proxy.request(LDS);
      Status status = proxy.closedWith(WAIT);
      assertThat(status).as("the stream is closed").isNotNull();
      assertThat(status.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(status.getDescription()).contains("serves Gateway default/a").contains("names Gateway default/b");
      assertThat(proxy.received()).as("nothing of b was sent").isZero();
    }
    assertThat(rejected("wrong-gateway")).isEqualTo(before + 1);
  }

  @Test
  void deltaStream_askingForAnotherGateway_isRefusedToo() throws Exception {
    try (TokenAdsStream proxy = stream("proxy-a", "default/b")) {
      proxy.deltaRequest(LDS);
      Status status = proxy.closedWith(WAIT);
      assertThat(status).isNotNull();
      assertThat(status.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(proxy.received()).isZero();
    }
    try (TokenAdsStream proxy = stream("proxy-a", "default/a")) {
      proxy.deltaRequest(LDS);
      DeltaDiscoveryResponse response = proxy.deltaResponse(WAIT);
      assertThat(response).isNotNull();
      assertThat(response.getResourcesList()).extracting(r -> r.getName()).containsExactly("default/a/http");
    }
  }

  @Test
  void certificateOfAnotherCa_failsTheHandshake() throws Exception {
    double before = rejected("no-gateway-certificate") + rejected("wrong-gateway");
    try (TokenAdsStream proxy = stream("other-ca", "default/a")) {
      proxy.request(LDS);
      Status status = proxy.closedWith(WAIT);
      assertThat(status).as("the stream fails").isNotNull();
      assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(proxy.received()).isZero();
    }
    assertThat(rejected("no-gateway-certificate") + rejected("wrong-gateway")).as("the stream never reached the check")
        .isEqualTo(before);
  }

  @Test
  void certificatesOfTheCaThatNameNoSingleGateway_getNothing_andAreCounted() throws Exception {
    Map<String, String> cases = Map.of(
        "no-san", "has no URI SAN spiffe://tollgate.dev/ns/NAMESPACE/gateway/NAME",
        "two-sans", "has 2 URI SANs under spiffe://tollgate.dev/, not exactly one",
        "malformed-san", "has URI SAN spiffe://tollgate.dev/ns/default/gateway/a/extra, not");
    double before = rejected("no-gateway-certificate");
    for (var c : cases.entrySet()) {
      try (TokenAdsStream proxy = stream(c.getKey(), "default/a")) {
        proxy.request(LDS);
        Status status = proxy.closedWith(WAIT);
        assertThat(status).as(c.getKey()).isNotNull();
        assertThat(status.getCode()).as(c.getKey()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(status.getDescription()).as(c.getKey()).contains(c.getValue()).contains("CN=default/a");
        assertThat(proxy.received()).as(c.getKey()).isZero();
      }
    }
    assertThat(rejected("no-gateway-certificate")).isEqualTo(before + cases.size());
  }

  @Test
  void clientCertificateMode_withoutAClientCa_doesNotStart() {
    Map<String, Object> p = serveSettings(dir.resolve("resources"));
    p.put("tollgate.xds-tls.certificate", dir.resolve("server/server.crt").toString());
    p.put("tollgate.xds-tls.key", dir.resolve("server/server.key").toString());
    assertThatThrownBy(() -> ApplicationContext.run(p).close())
        .hasStackTraceContaining("tollgate.proxy-auth=client-certificate needs tollgate.xds-tls.client-ca");
  }
}

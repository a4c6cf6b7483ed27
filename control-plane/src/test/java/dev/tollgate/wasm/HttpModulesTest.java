package dev.tollgate.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpModulesTest {

  private HttpServer server;
  private String base;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serve("/plugin.wasm", RegistryClientTest.MODULE);
    serve("/script.sh", "#!/bin/sh".getBytes(StandardCharsets.UTF_8));
    serve("/big.wasm", new byte[4096]);
    server.createContext("/slow.wasm", exchange -> {
      // Headers at once, then a body that never ends: only an overall deadline stops this.
      exchange.sendResponseHeaders(200, 0);
      try {
        while (true) {
          exchange.getResponseBody().write(0);
          exchange.getResponseBody().flush();
          Thread.sleep(100);
        }
      } catch (InterruptedException | java.io.IOException e) {
        exchange.close();
      }
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void serve(String path, byte[] body) {
    server.createContext(path, exchange -> {
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void fetchesTheModule_andRefusesWhatIsNotOne() throws Exception {
    HttpModules modules = new HttpModules(1024);
    assertThat(modules.fetch(base + "/plugin.wasm")).isEqualTo(RegistryClientTest.MODULE);
    assertThatThrownBy(() -> modules.fetch(base + "/script.sh")).hasMessageContaining("is not a Wasm module");
    assertThatThrownBy(() -> modules.fetch(base + "/big.wasm")).hasMessageContaining("is larger than 1024 bytes");
    assertThatThrownBy(() -> modules.fetch(base + "/missing.wasm")).hasMessageContaining("answered HTTP 404");
    assertThatThrownBy(() -> modules.fetch("file:///etc/passwd")).hasMessageContaining("is not an http or https URL");
  }

  @Test
  void aBodyThatNeverEnds_isCutOffByTheDeadline() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> new HttpModules(1024, java.time.Duration.ofMillis(800)).fetch(base + "/slow.wasm"))
        .hasMessage(base + "/slow.wasm did not answer within 800 ms");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }

  @Test
  void pullSecrets_giveTheRegistrysCredentials_andNeverEchoThem() throws Exception {
    String auth = Base64.getEncoder().encodeToString("puller:s3cret".getBytes(StandardCharsets.UTF_8));
    byte[] config = ("{\"auths\":{\"https://registry.example.com/v1/\":{\"auth\":\"" + auth + "\"},"
        + "\"127.0.0.1:5000\":{\"username\":\"u\",\"password\":\"p\"}}}").getBytes(StandardCharsets.UTF_8);
    assertThat(PullSecrets.credentials(config, "registry.example.com")).isEqualTo(new RegistryClient.Credentials("puller", "s3cret"));
    assertThat(PullSecrets.credentials(config, "127.0.0.1:5000")).isEqualTo(new RegistryClient.Credentials("u", "p"));
    assertThatThrownBy(() -> PullSecrets.credentials(config, "other.example.com"))
        .hasMessage("the pull secret has no credentials for other.example.com");
    assertThat(new RegistryClient.Credentials("puller", "s3cret").toString()).doesNotContain("s3cret");
  }
}

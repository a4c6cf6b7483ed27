package dev.tollgate.serve;

import dev.tollgate.testing.TestManifests;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.translator.json.Mappers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve fetches a policy's Wasm module over HTTP, caches it, and serves it from its module server. */
class ServeWasmTest {

  private static final byte[] MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};

  @TempDir Path dir;

  @Test
  void theProxyIsPointedAtTollgatesModuleServer_whichServesTheModule() throws Exception {
    HttpServer origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    origin.createContext("/plugin.wasm", exchange -> {
      exchange.sendResponseHeaders(200, MODULE.length);
      exchange.getResponseBody().write(MODULE);
      exchange.close();
    });
    origin.start();
    Path manifests = Files.createDirectories(dir.resolve("manifests"));
    Files.writeString(manifests.resolve("wasm.yaml"), TestManifests.GATEWAY_AND_BACKEND + TestRoutes.route("app", "app.example.com") + """
        ---
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: EnvoyExtensionPolicy
        metadata: {name: app-wasm, namespace: default}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: app}]
          wasm:
            - name: hello
              code: {type: HTTP, http: {url: "http://127.0.0.1:%d/plugin.wasm"}}
        """.formatted(origin.getAddress().getPort()));
    try (ServeFixture serve = ServeFixture.servingRoots(List.of(manifests), Map.of(
        "tollgate.wasm.advertised-host", "127.0.0.1",
        "tollgate.wasm.address", "127.0.0.1:0",
        "tollgate.wasm.cache-dir", dir.resolve("cache").toString()))) {
      String uri = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (uri == null && System.nanoTime() < deadline) {
        uri = wasmUri(Mappers.json().readTree(serve.get("/config_dump").body()));
        if (uri == null) {
          Thread.sleep(100);
        }
      }
      assertThat(uri).as("a Wasm filter is served; statuses: %s", serve.get("/statuses").body()).startsWith("http://127.0.0.1:").endsWith(".wasm");
      byte[] served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri)).build(),
          HttpResponse.BodyHandlers.ofByteArray()).body();
      assertThat(served).isEqualTo(MODULE);
    } finally {
      origin.stop(0);
    }
  }

  private static String wasmUri(JsonNode dump) {
    for (JsonNode uri : dump.findValues("uri")) {
      if (uri.asText().contains("/wasm/")) {
        return uri.asText();
      }
    }
    return null;
  }
}

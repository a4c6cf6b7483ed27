package dev.tollgate.wasm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * The CNCF distribution registry (Debian's {@code docker-registry}) on a loopback port, started
 * for a test, optionally behind htpasswd credentials; images are pushed through its API.
 */
final class LoopbackRegistry implements AutoCloseable {

  static final String BINARY = "/usr/bin/docker-registry";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final HttpClient http = HttpClient.newHttpClient();
  final String address;
  private final String authorization;

  private LoopbackRegistry(Process process, String address, String authorization) {
    this.process = process;
    this.address = address;
    this.authorization = authorization;
  }

  /** Skips the calling test, saying why, when the registry is not installed. */
  static LoopbackRegistry start(Path dir, String user, String password) throws Exception {
    assumeTrue(Files.isExecutable(Path.of(BINARY)),
        BINARY + " is not installed (Debian package docker-registry; .ci/run installs it): no real registry to pull from");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String address = "127.0.0.1:" + port;
    StringBuilder config = new StringBuilder("version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ")
        .append(dir.resolve("data")).append("\nhttp:\n  addr: ").append(address).append("\n");
    String authorization = null;
    if (user != null) {
      byte[] salt = new byte[16];
      new SecureRandom().nextBytes(salt);
      Files.writeString(dir.resolve("htpasswd"), user + ":" + OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 5) + "\n");
      config.append("auth:\n  htpasswd:\n    realm: tollgate-test\n    path: ").append(dir.resolve("htpasswd")).append("\n");
      authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("config.yml"), config);
    Process process = new ProcessBuilder(BINARY, "serve", dir.resolve("config.yml").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
    LoopbackRegistry registry = new LoopbackRegistry(process, address, authorization);
    registry.awaitReady();
    return registry;
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        int status = http.send(HttpRequest.newBuilder(URI.create("http://" + address + "/v2/")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the registry did not start on " + address);
  }

  /** Uploads a blob; returns its digest. */
  String pushBlob(String repository, byte[] content) throws Exception {
    String digest = "sha256:" + Digests.sha256(content);
    HttpResponse<Void> started = http.send(request("/v2/" + repository + "/blobs/uploads/")
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    String location = started.headers().firstValue("Location").orElseThrow();
    URI upload = URI.create(location.startsWith("http") ? location : "http://" + address + location);
    String uri = upload + (upload.getQuery() == null ? "?" : "&") + "digest=" + digest;
    HttpResponse<String> done = http.send(request(URI.create(uri)).header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
    if (done.statusCode() != 201) {
      throw new IllegalStateException("blob upload answered " + done.statusCode() + ": " + done.body());
    }
    return digest;
  }

  /**
   * Pushes an image of one layer: config and layer blobs, then the manifest of {@code manifestType}.
   */
  void pushImage(String repository, String tag, String manifestType, String configType, String layerType, byte[] layer)
      throws Exception {
    byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
    String configDigest = pushBlob(repository, config);
    String layerDigest = pushBlob(repository, layer);
    ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", manifestType);
    manifest.putObject("config").put("mediaType", configType).put("digest", configDigest).put("size", config.length);
    manifest.putArray("layers").addObject().put("mediaType", layerType).put("digest", layerDigest).put("size", layer.length);
    HttpResponse<String> put = http.send(request("/v2/" + repository + "/manifests/" + tag)
        .header("Content-Type", manifestType).PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(manifest))).build(),
        HttpResponse.BodyHandlers.ofString());
    if (put.statusCode() != 201) {
      throw new IllegalStateException("manifest upload answered " + put.statusCode() + ": " + put.body());
    }
  }

  private HttpRequest.Builder request(String path) {
    return request(URI.create("http://" + address + path));
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    return authorization == null ? b : b.header("Authorization", authorization);
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    process.waitFor();
  }
}

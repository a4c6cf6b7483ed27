package dev.tollgate.serve;

import dev.tollgate.serve.xds.XdsServer;
import dev.tollgate.testing.Golden;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.xds.GatewayXds;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tollgate serve} in the test JVM: the daemon's context on a directory of manifests, ADS
 * and admin on loopback ports chosen by the system.
 */
final class ServeFixture implements AutoCloseable {

  final Path directory;
  private final ApplicationContext context;
  private final EmbeddedServer admin;
  private final HttpClient http = HttpClient.newHttpClient();

  private ServeFixture(Path directory, ApplicationContext context, EmbeddedServer admin) {
    this.directory = directory;
    this.context = context;
    this.admin = admin;
  }

  /** Serves a copy of golden inputs (testdata paths) from a fresh directory. */
  static ServeFixture serving(List<String> testdataFiles, Map<String, Object> extra) throws IOException {
    Path dir = Files.createTempDirectory("tollgate-serve");
    for (String f : testdataFiles) {
      Files.copy(Golden.testdata().resolve(f), dir.resolve(Path.of(f).getFileName().toString().replace(".in.yaml", ".yaml")));
    }
    return start(dir, extra);
  }

  /** Serves the given roots (files or directories); {@link #directory} is the first. */
  static ServeFixture servingRoots(List<Path> roots, Map<String, Object> extra) {
    Map<String, Object> p = new HashMap<>(extra);
    p.put("tollgate.resources", roots.stream().map(Path::toString).toList());
    return start(roots.get(0), p);
  }

  private static ServeFixture start(Path dir, Map<String, Object> extra) {
    Map<String, Object> p = new HashMap<>();
    p.put("micronaut.server.port", -1);
    p.put("tollgate.xds-address", "127.0.0.1:0");
    p.put("tollgate.resources", List.of(dir.toString()));
    p.put("tollgate.debounce", "50ms");
    p.put("tollgate.removal-delay", "200ms");
    p.put("tollgate.enable-backend", true);
    p.putAll(extra);
    ApplicationContext context = ApplicationContext.run(p);
    return new ServeFixture(dir, context, context.getBean(EmbeddedServer.class).start());
  }

  /** Serves a copy of a bundled example directory (deploy/examples/NAME), as the README's run command does. */
  static ServeFixture servingExample(String name) throws IOException {
    Path example = Golden.testdata().resolveSibling("deploy").resolve("examples").resolve(name);
    Path staging = Files.createTempDirectory("tollgate-example");
    try (var files = Files.list(example)) {
      for (Path f : files.sorted().toList()) {
        Files.copy(f, staging.resolve(f.getFileName()));
      }
    }
    return start(staging, Map.of());
  }

  static ServeFixture serving(String... testdataFiles) throws IOException {
    return serving(List.of(testdataFiles), Map.of());
  }

  String xdsAddress() {
    return context.getBean(XdsServer.class).boundAddress();
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.getPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** What {@code translate} gives for the files now in the directory, with the daemon's settings. */
  TranslationResult translate() throws Exception {
    ManifestReader reader = new ManifestReader().read(directory.toString());
    return context.getBean(dev.tollgate.translator.pipeline.Pipeline.class).run(reader.resources(), reader.problems());
  }

  GatewayXds expected(String gateway) throws Exception {
    return translate().gateways().get(gateway);
  }

  @Override
  public void close() throws IOException {
    context.close();
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}

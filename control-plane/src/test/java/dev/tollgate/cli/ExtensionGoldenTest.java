package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.example.extension.ExampleExtensionServer;
import dev.tollgate.testing.Golden;
import io.grpc.Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tollgate translate --extension-config} against the example extension server, running on
 * a loopback port (or stopped, for {@code extension-server=stopped}): the cases under
 * {@code testdata/extension} print exactly their {@code .out.yaml}. The server's port is written
 * as {@code ${EXTENSION_PORT}} in configurations and outputs.
 */
class ExtensionGoldenTest {

  private static final String PORT = "${EXTENSION_PORT}";

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> translate_withExampleExtension_printsGoldenOutput() {
    return Golden.extensionInputs().stream().map(input -> DynamicTest.dynamicTest(Golden.caseName(input), () -> {
      Map<String, String> options = Golden.options(input);
      Server server = ExampleExtensionServer.start("127.0.0.1", 0);
      int port = server.getPort();
      try {
        if ("stopped".equals(options.get("extension-server"))) {
          stop(server);
        }
        check(input, options, port);
      } finally {
        stop(server);
      }
    }));
  }

  private void check(Path input, Map<String, String> options, int port) throws Exception {
      String config = Files.readString(input.resolveSibling(options.get(Golden.EXTENSION_OPTION)));
      Path configFile = Files.writeString(temp.resolve(Golden.caseName(input).replace('/', '-') + ".yaml"),
          config.replace(PORT, Integer.toString(port)));
      List<String> args = new ArrayList<>(List.of("translate", "-f", input.toString(), "--extension-config", configFile.toString()));
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(run.err()).isZero();
      String comments = run.err().lines()
          .map(l -> "# " + l.replace(input.toString(), Golden.caseName(input) + Golden.INPUT_SUFFIX)
              .replace("127.0.0.1:" + port, "127.0.0.1:" + PORT))
          .collect(Collectors.joining("\n"));
      Golden.check(Golden.output(input, TranslateGoldenTest.OUT_SUFFIX), (comments.isEmpty() ? "" : comments + "\n")
          + run.out().replace("127.0.0.1:" + port, "127.0.0.1:" + PORT));
  }

  /** The example in deploy/examples/extension, as the README runs it: no problem, every hook's change there. */
  @org.junit.jupiter.api.Test
  void deployExample_withExampleExtension_translatesWithoutProblems() throws Exception {
    Path example = Golden.testdata().resolveSibling("deploy").resolve("examples").resolve("extension");
    Server server = ExampleExtensionServer.start("127.0.0.1", 0);
    try {
      Path config = Files.writeString(temp.resolve("example.yaml"),
          Files.readString(example.resolve("extension.yaml")).replace("port: 5005", "port: " + server.getPort()));
      CliRun run = CliRun.of("translate", "-f", example.resolve("manifests.yaml").toString(), "--extension-config", config.toString(),
          "--strict", "-o", "json");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).isEmpty();
      assertThat(run.out()).contains("\"x-team\"", "\"x-example-extension\"", "\"tollgate-edge\"",
          "\"10.1.0.7\"", "\"filter_metadata\"", "\"example-extension/audit\"");
    } finally {
      stop(server);
    }
  }

  private static void stop(Server server) throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @AfterAll
  static void removeOrphans() {
    Golden.removeOrphans(TranslateGoldenTest.OUT_SUFFIX);
  }
}

package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An extension server that cannot be reached is reported in one line per hook call by Tollgate;
 * grpc-java and netty, logging on their own (java.util.logging prints each record with its stack
 * trace), must not add to it. Run in a process of its own: that is where their output appears.
 */
class UnreachableExtensionTest {

  private static final Path QUICKSTART = Golden.testdata().resolve("basic/quickstart.in.yaml");

  @Test
  void closedPort_isReportedInOneLineWithoutStackTraces(@TempDir Path dir) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again once this block ends
    }
    CliProcess run = translateWithExtensionAt(dir, "ip: {address: 127.0.0.1, port: " + port + "}");

    assertOneLinePerFailure(run, "127.0.0.1:" + port);
  }

  @Test
  void nameThatDoesNotResolve_isReportedInOneLineWithoutStackTraces(@TempDir Path dir) throws Exception {
    // .invalid never resolves (RFC 6761); grpc-java logs every failed resolution with its stack trace.
    CliProcess run = translateWithExtensionAt(dir, "fqdn: {hostname: extension.tollgate.invalid, port: 5005}");

    assertOneLinePerFailure(run, "extension.tollgate.invalid:5005");
  }

  private static CliProcess translateWithExtensionAt(Path dir, String service) throws Exception {
    Path config = Files.writeString(dir.resolve("extension.yaml"),
        "extensionManager:\n  hooks: {xdsTranslator: {post: [VirtualHost]}}\n  timeout: 1s\n  service: {" + service + "}\n");
    return CliProcess.of("translate", "-f", QUICKSTART.toString(), "--extension-config", config.toString());
  }

  private static void assertOneLinePerFailure(CliProcess run, String server) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(run.err().lines()).as(run.err()).containsExactly(
        "error: gateway default/eg: extension hook PostVirtualHostModify failed for virtual host default/eg/http/www_example_com: "
            + "extension server " + server + " could not be reached within 1000 ms; the Gateway's configuration was not updated",
        "summary: 5 objects read, 0 refused when read; 0 Gateways translated, 1 withheld; 1 object with conditions not met");
  }
}

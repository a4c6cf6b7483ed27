package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ServeCommandTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--xds-address   | 127.0.0.1            | has no port                                   | HOST:PORT, [IPv6]:PORT or unix:/path",
      "--xds-address   | host:notaport        | has a port that is not a number               | HOST:PORT, [IPv6]:PORT or unix:/path",
      "--xds-address   | 127.0.0.1:65536      | has port 65536, not between 0 and 65535       | HOST:PORT, [IPv6]:PORT or unix:/path",
      "--admin-address | 127.0.0.1            | has no port                                   | HOST:PORT or [IPv6]:PORT",
      "--admin-address | host:notaport        | has a port that is not a number               | HOST:PORT or [IPv6]:PORT",
      "--admin-address | unix:/run/admin.sock | is a unix socket, which is not supported here | HOST:PORT or [IPv6]:PORT"})
  void serve_badAddress_isAOneLineUsageErrorBeforeAnythingStarts(String option, String value, String problem, String forms) {
    CliRun run = CliRun.of("serve", option, value);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).isEqualTo("tollgate serve: Invalid value for option '" + option + "': '" + value + "' " + problem
        + "; expected " + forms + System.lineSeparator());
  }

  @Test
  @Timeout(20) // before the check, serve started and kept serving
  void serve_resourcesThatDoNotExist_areRefusedAtStartInOneLine(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("gateways.yaml");
    CliRun run = CliRun.of("serve", "--resources", dir.toString(), "--resources", missing.toString(),
        "--xds-address", "127.0.0.1:0", "--admin-address", "127.0.0.1:0");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
    assertThat(run.err()).isEqualTo("tollgate: --resources " + missing + ": does not exist" + System.lineSeparator());
  }

  @Test
  void serve_ipv6Addresses_reachTheSettingsInTheFormsTheyAreReadIn() {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("--xds-address", "[::1]:0", "--admin-address", "[::1]:19001");
    Map<String, Object> properties = serve.properties();
    assertThat(properties).containsEntry("tollgate.xds-address", "[::1]:0")
        .containsEntry("micronaut.server.host", "::1")
        .containsEntry("micronaut.server.port", 19001);
  }
}

package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void serve_configFileThatDoesNotExist_isRefusedInOneLine(@TempDir Path dir) {
    Path missing = dir.resolve("tollgate.yaml");
    CliRun run = CliRun.of("serve", "--config", missing.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
    assertThat(run.err()).isEqualTo("tollgate: --config " + missing + ": does not exist" + System.lineSeparator());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'tollgate: {resources: [MISSING]}'       | 3 | tollgate.resources: MISSING: does not exist",
      "'tollgate: {xds-address: 127.0.0.1}'     | 2 | tollgate.xds-address: '127.0.0.1' has no port; expected HOST:PORT, [IPv6]:PORT or unix:/path",
      "'tollgate: {max-file-size: lots}'        | 2 | tollgate.max-file-size: \"lots\" is not a size (examples: 3Mi, 512Ki, 1048576)",
      "'tollgate: {max-document-size: 0}'       | 2 | tollgate.max-document-size: \"0\" is not a positive size",
      "'tollgate: {liveness-timeout: soon}'     | 2 | tollgate.liveness-timeout: \"soon\" is not a positive duration (examples: 100ms, 2s, 2m)",
      "'tollgate: {enable-backend: yes please}' | 2 | tollgate.enable-backend: \"yes please\" is neither true nor false",
      "'tollgate: {provider: etcd}'             | 2 | tollgate.provider: \"etcd\" is neither kubernetes nor file",
      "'tollgate: {provider: kubernetes, kubeconfig: MISSING}' | 3 | tollgate.kubeconfig: MISSING: does not exist",
      "'tollgate: {resync-interval: 0s}'        | 2 | tollgate.resync-interval: \"0s\" is not a positive duration (examples: 100ms, 2s, 2m)",
      "'tollgate: {xds-tls: {certificate: MISSING, key: MISSING}}' | 3 | tollgate.xds-tls.certificate: MISSING: does not exist",
      "'tollgate: {proxy-auth: mtls}'           | 2 | tollgate.proxy-auth: \"mtls\" is not kubernetes-token, client-certificate or none",
      "'tollgate: {proxy-auth: client-certificate}' | 2 | tollgate.proxy-auth=client-certificate needs tollgate.xds-tls.client-ca (--xds-tls-client-ca)",
      "'tollgate: {proxy-auth-cache-age: 0s}'   | 2 | tollgate.proxy-auth-cache-age: \"0s\" is not a positive duration (examples: 30s, 5m)",
      "'tollgate: {leader-election: {lease-duration: 5s, renew-deadline: 10s}}' | 2 | tollgate.leader-election: lease-duration (5s) must exceed renew-deadline (10s), which must exceed retry-period (2s)",
      "'tollgate: {resourcez: [x]}'             | 2 | --config CONFIG: tollgate.resourcez is not a setting of serve"})
  @Timeout(20)
  void serve_settingFromTheConfigFileThatCannotBeUsed_isRefusedAtStartInOneLine(String yaml, int exitCode, String message,
      @TempDir Path dir) throws Exception {
    String missing = dir.resolve("missing").toString();
    Path config = java.nio.file.Files.writeString(dir.resolve("tollgate.yaml"), yaml.replace("MISSING", missing));
    List<String> args = new ArrayList<>(List.of("serve", "--config", config.toString(), "--admin-address", "127.0.0.1:0"));
    if (!yaml.contains("xds-address")) {
      args.addAll(List.of("--xds-address", "127.0.0.1:0")); // a flag wins over the file
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(exitCode);
    assertThat(run.err()).startsWith("tollgate: " + message.replace("MISSING", missing).replace("CONFIG", config.toString()))
        .hasLineCount(1);
  }

  @Test
  @Timeout(20)
  void serve_clientCertificateProxyAuth_withAClientCaButNoServerCertificate_isRefused(@TempDir Path dir) throws Exception {
    Path ca = java.nio.file.Files.writeString(dir.resolve("ca.crt"), "");
    CliRun run = CliRun.of("serve", "--xds-tls-client-ca", ca.toString(), "--xds-address", "127.0.0.1:0",
        "--admin-address", "127.0.0.1:0", "--config", java.nio.file.Files.writeString(dir.resolve("tollgate.yaml"),
            "tollgate: {proxy-auth: client-certificate}").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).isEqualTo("tollgate: tollgate.proxy-auth=client-certificate needs tollgate.xds-tls.certificate "
        + "(--xds-tls-certificate): without it the xDS port has no TLS, so no client certificate" + System.lineSeparator());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "TOLLGATE_RESOURCES     | MISSING   | 3 | tollgate.resources: MISSING: does not exist",
      "TOLLGATE_XDS_ADDRESS   | 127.0.0.1 | 2 | tollgate.xds-address: '127.0.0.1' has no port; expected HOST:PORT, [IPv6]:PORT or unix:/path",
      "TOLLGATE_MAX_FILE_SIZE | 3Q        | 2 | tollgate.max-file-size: \"3Q\" is not a size (examples: 3Mi, 512Ki, 1048576)",
      "TOLLGATE_PROXY_AUTH    | client-certificate | 2 | tollgate.proxy-auth=client-certificate needs tollgate.xds-tls.client-ca (--xds-tls-client-ca): proxies prove their Gateway with a certificate of that CA"})
  @Timeout(90) // before the check, serve started and kept serving
  void serve_settingFromTheEnvironmentThatCannotBeUsed_isRefusedAtStartInOneLine(String variable, String value, int exitCode,
      String message, @TempDir Path dir) throws Exception {
    String missing = dir.resolve("missing").toString();
    CliProcess run = CliProcess.withEnvironment(Map.of(variable, value.replace("MISSING", missing)),
        "serve", "--admin-address", "127.0.0.1:0");
    assertThat(run.exitCode()).isEqualTo(exitCode);
    assertThat(run.err()).isEqualTo("tollgate: " + message.replace("MISSING", missing) + System.lineSeparator());
  }
}

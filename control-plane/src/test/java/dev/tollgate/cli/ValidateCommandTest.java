package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @Test
  void validate_brokenResources_reportsEachProblemAndExitsWithFour() {
    Path broken = Golden.testdata().resolve("validate/broken.yaml");
    CliRun run = CliRun.of("validate", broken.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
    assertThat(run.out()).contains(
        "listener default/eg/http: default_filter_chain.filters[0].typed_config.stat_prefix: must not be empty",
        "http_filters[0].typed_config.grpc_service.envoy_grpc.cluster_name: must not be empty",
        "route configuration default/eg/http: virtual_hosts[0].domains: must have at least 1 item",
        "route configuration default/eg/http: virtual_hosts[0].routes[0].route.cluster: cluster \"missing-cluster\" does not exist",
        "cluster httproute/default/backend/rule/0: connect_timeout: must be greater than 0s",
        "3 resources, 5 problems");
  }

  @Test
  void validate_resourcesEnvoyRefusesWhenLoading_reportsEachAndExitsWithFour() {
    Path refused = Golden.testdata().resolve("validate/refused-at-load.yaml");
    CliRun run = CliRun.of("validate", refused.toString());
    String refusal = "Envoy refuses to add, set or remove host and ':'-prefixed pseudo-headers in a route configuration";
    assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
    assertThat(run.out()).contains(
        "route configuration default/eg/http: virtual_hosts[0].routes[0].request_headers_to_add[0].header.key: \"host\": " + refusal,
        "route configuration default/eg/http: virtual_hosts[0].routes[0].request_headers_to_remove[0]: \":authority\": " + refusal,
        "route configuration default/eg/http: virtual_hosts[0].routes[1].match.safe_regex.regex: is not a valid RE2 regular expression",
        "listener default/eg/https: filter_chains[1].filter_chain_match: overlaps filter_chains[0]: some connection would match both",
        "listener default/eg/http: address: listener default/eg/https already listens on 0.0.0.0:10443",
        "4 resources, 5 problems");
  }

  @TestFactory
  Stream<DynamicTest> validate_everyGoldenOutput_isValid() {
    return Golden.inputs().stream().map(input -> DynamicTest.dynamicTest(Golden.caseName(input), () -> {
      CliRun run = CliRun.of("validate", Golden.output(input, ".out.yaml").toString());
      assertThat(run.exitCode()).as(run.out()).isZero();
      assertThat(run.out()).endsWith(" 0 problems\n");
    }));
  }

  @Test
  void validate_listOfTypedResourcesAsJson_isRead(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("list.json");
    Files.writeString(f, """
        [{"@type": "type.googleapis.com/envoy.config.cluster.v3.Cluster", "name": "c", "type": "STATIC",
          "connectTimeout": "1s"},
         {"@type": "type.googleapis.com/envoy.config.listener.v3.Cluster"}]""");
    CliRun run = CliRun.of("validate", f.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
    assertThat(run.out()).contains("resource[1]: @type: must be the type URL of a Listener")
        .contains("2 resources, 1 problem");
  }

  @Test
  void validate_unknownField_isAProblemNotACrash(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, "clusters:\n  - {name: c, connect_timeout: 1s, no_such_field: 1}\n");
    CliRun run = CliRun.of("validate", f.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
    assertThat(run.out()).contains("clusters[0]: cannot be read as cluster").contains("no_such_field");
  }

  @Test
  void validate_unreadableFile_exitsWithThree(@TempDir Path dir) throws Exception {
    CliRun run = CliRun.of("validate", dir.resolve("missing.json").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
    assertThat(run.err()).contains("missing.json");
  }
}

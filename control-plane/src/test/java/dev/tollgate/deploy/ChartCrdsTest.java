package dev.tollgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The chart's crds/ directory is generated from the schemas Tollgate checks objects against, so they cannot drift apart. */
class ChartCrdsTest {

  @Test
  void theChartsCrds_areTheAdmissionSchemas_withTollgatesExtensionFields() throws IOException {
    Path dir = TollgateChart.path().resolve("crds");
    Map<String, String> crds = ChartCrds.render();
    for (var e : crds.entrySet()) {
      Golden.check(dir.resolve(e.getKey()), e.getValue());
    }
    if (Golden.updating()) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          if (!crds.containsKey(f.getFileName().toString())) {
            Files.delete(f);
          }
        }
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).as("no stray file in crds/; " + Golden.UPDATE_HINT)
          .containsExactlyInAnyOrderElementsOf(crds.keySet());
    }
    assertThat(crds.get("gateway.envoyproxy.io_securitypolicies.yaml")).contains("allowPartialMessage", "packAsBytes");
  }
}

package dev.tollgate.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** serve --config FILE: its settings apply, under TOLLGATE_* environment variables and flags. */
class ConfigFileTest {

  @Test
  @Timeout(90)
  void configFile_settingsApply_environmentVariablesAndFlagsWinOverIt(@TempDir Path dir) throws Exception {
    Path manifests = Files.createDirectory(dir.resolve("manifests"));
    Files.copy(Golden.testdata().resolve("basic/quickstart.in.yaml"), manifests.resolve("quickstart.yaml"));
    Path config = Files.writeString(dir.resolve("tollgate.yaml"), """
        tollgate:
          resources: [%s]
          xds-address: 127.0.0.1:1
          max-file-size: 16Ki
          debounce: 20ms
        """.formatted(manifests));
    // No --resources: the file's apply. --xds-address (127.0.0.1:0) is given by ServeProcess and wins.
    try (ServeProcess serve = ServeProcess.start(List.of(), Map.of("TOLLGATE_MAX_FILE_SIZE", "32Ki"), Duration.ofSeconds(40),
        "--config", config.toString())) {
      assertThat(serve.get("/config_dump").body()).as("resources from the file are served").contains("default/eg");
      String readiness = serve.get("/health/readiness").body();
      assertThat(readiness).contains("\"status\":\"UP\"").contains("\"xdsAddress\":\"127.0.0.1:").doesNotContain("127.0.0.1:1\"");

      Files.writeString(manifests.resolve("twenty-kib.yaml"), "# " + "x".repeat(20 * 1024) + "\n");
      Path big = Files.writeString(manifests.resolve("forty-kib.yaml"), "# " + "x".repeat(40 * 1024) + "\n");
      String statuses = "";
      for (long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos(); System.nanoTime() < deadline; Thread.sleep(50)) {
        statuses = serve.get("/statuses").body();
        if (statuses.contains(big.toString())) {
          break;
        }
      }
      assertThat(statuses).as("the environment's limit, not the file's").contains(big + ": is ")
          .contains("larger than the limit of 32 KiB").doesNotContain("twenty-kib.yaml");
    }
  }
}

package dev.tollgate.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** /health, /health/readiness and /health/liveness over HTTP, as a kubelet asks them. */
class HealthTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  /** Asks {@code path} until it answers {@code status}, for at most {@link #WAIT}; the last answer. */
  private static HttpResponse<String> await(ServeFixture serve, String path, int status) throws Exception {
    return await(serve, path, status, "");
  }

  /** Asks {@code path} until it answers {@code status} with a body that contains {@code text}, for at most {@link #WAIT}. */
  private static HttpResponse<String> await(ServeFixture serve, String path, int status, String text) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    HttpResponse<String> response = serve.get(path);
    while ((response.statusCode() != status || !response.body().contains(text)) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      response = serve.get(path);
    }
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
    assertThat(response.body()).contains(text);
    return response;
  }

  @Test
  @Timeout(60)
  void readiness_isDownWhileAWatchedRootIsMissing_sayingWhich_andUpOnceItIsBack(@TempDir Path temp) throws Exception {
    Path main = Files.createDirectory(temp.resolve("main"));
    Files.copy(Golden.testdata().resolve("basic/quickstart.in.yaml"), main.resolve("quickstart.yaml"));
    Path extra = Files.createDirectory(temp.resolve("extra"));
    try (ServeFixture serve = ServeFixture.servingRoots(List.of(main, extra), Map.of())) {
      assertThat(await(serve, "/health/readiness", 200).body()).contains("\"status\":\"UP\"");
      Files.delete(extra);
      String down = await(serve, "/health/readiness", 503).body();
      assertThat(down).contains("an input is not read: " + extra + ": does not exist");
      assertThat(await(serve, "/health", 503).body()).contains(extra + ": does not exist");
      await(serve, "/health/liveness", 200);

      Files.createDirectory(extra);
      Files.writeString(extra.resolve("r.yaml"), TestRoutes.route("r", null));
      assertThat(await(serve, "/health/readiness", 200).body()).doesNotContain("notReady");
    }
  }

  @Test
  @Timeout(60)
  void readiness_isDownWhileAFileCannotBeReadAndHasNoLastContents_butNotWhileItsLastContentsStandIn() throws Exception {
    try (ServeFixture serve = ServeFixture.serving("basic/quickstart.in.yaml")) {
      await(serve, "/health/readiness", 200);
      Path broken = serve.directory.resolve("new.yaml");
      Files.writeString(broken, "kind: [this is not\n  yaml: at all");
      assertThat(await(serve, "/health/readiness", 503).body())
          .contains("an input is not read: " + broken + " (document 0): not valid YAML");
      Files.writeString(broken, TestRoutes.route("r", null));
      await(serve, "/health/readiness", 200);
      Files.writeString(broken, "kind: [broken again");
      Thread.sleep(500); // read: its last contents stand in for it
      assertThat(await(serve, "/health/readiness", 200).body()).doesNotContain("notReady");
    }
  }

  @Test
  @Timeout(60)
  void readiness_isDownWhileTheLastTranslationFailed_andUpOnceOneCompletes() throws Exception {
    try (ServeFixture serve = ServeFixture.serving(List.of("basic/quickstart.in.yaml"), Map.of("test.faulty-stage", "true"))) {
      await(serve, "/health/readiness", 200);
      Path explode = serve.directory.resolve("explode.yaml");
      Files.writeString(explode, TestRoutes.route("explode", null));
      assertThat(await(serve, "/health/readiness", 503).body())
          .contains("the last translation failed: internal error while applying FaultyStage", "translation broken on purpose");
      await(serve, "/health/liveness", 200);
      Files.delete(explode);
      await(serve, "/health/readiness", 200);
    }
  }

  @Test
  @Timeout(60)
  void liveness_isDownWhileATranslationIsStuck_sayingSo_andUpOnceItMovesOn() throws Exception {
    try (ServeFixture serve = ServeFixture.serving(List.of("basic/quickstart.in.yaml"),
        Map.of("test.faulty-stage", "true", "tollgate.liveness-timeout", "300ms"))) {
      assertThat(await(serve, "/health/liveness", 200).body()).contains("\"watching\":true");
      Files.writeString(serve.directory.resolve("hang.yaml"), TestRoutes.route("hang", null));
      String down = await(serve, "/health/liveness", 503, "a translation has been running for").body();
      assertThat(down).contains("longer than tollgate.liveness-timeout (0.3 s)").contains("changes seen");
      assertThat(await(serve, "/health", 503).body()).contains("a translation has been running for");
      serve.bean(FaultyStage.class).release();
      assertThat(await(serve, "/health/liveness", 200).body()).doesNotContain("stuck");
    }
  }
}

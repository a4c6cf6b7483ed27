package dev.tollgate.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * serve speaks of each problem once when it appears and once when it is resolved, however many
 * translations see it in between; {@code /statuses} lists those that hold now. The log is what
 * slf4j-simple writes to standard error, captured.
 */
class ProblemLoggingTest {

  private static final String ROUTES = "default/eg/http";
  private static final Duration WAIT = Duration.ofSeconds(5);

  private static final String BAD_PATCH_POLICY = """
      apiVersion: gateway.envoyproxy.io/v1alpha1
      kind: EnvoyPatchPolicy
      metadata: {name: bad-patch, namespace: default}
      spec:
        targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: eg}
        type: JSONPatch
        bogus: 1
      """;

  /** Each bad input, and a piece of text only the line about it holds. */
  private static final Map<String, String> BAD_FILES = Map.of(
      "big.yaml", "big.yaml: is ",
      "not-yaml.yaml", "not-yaml.yaml (document 0): not valid YAML",
      "refused.yaml", "HTTPRoute default/refused: spec.rules[0].backendRefs[0].weight",
      "missing-backend.yaml", "HTTPRoute default/missing-backend (parent Gateway eg): ResolvedRefs=False",
      "bad-patch.yaml", "its proxies keep their last good configuration");

  private ServeFixture serve;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void start() throws Exception {
    serve = ServeFixture.serving(List.of("basic/quickstart.in.yaml"),
        Map.of("tollgate.max-file-size", "16Ki", "tollgate.enable-envoy-patch-policy", true));
    original = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() throws Exception {
    System.setErr(original);
    serve.close();
  }

  private String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  private long lines(String containing, boolean resolved) {
    return log().lines().filter(l -> l.contains(containing) && l.contains(" resolved: ") == resolved).count();
  }

  /** Changes a file no problem is about, and waits until that change has been translated. */
  private void translateAgain(int n) throws Exception {
    long before = lines("translated ", false);
    Files.writeString(serve.directory.resolve("other.yaml"), TestRoutes.route("other", "other" + n + ".example.com", "backend"));
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (lines("translated ", false) == before && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(lines("translated ", false)).as("translation after change " + n).isGreaterThan(before);
  }

  @Test
  @Timeout(60)
  void eachProblem_isLoggedOnceWhenItAppearsAndOnceWhenResolved_acrossTranslations() throws Exception {
    Path dir = serve.directory;
    Files.writeString(dir.resolve("big.yaml"), "# " + "x".repeat(20 * 1024) + "\n");
    Files.writeString(dir.resolve("not-yaml.yaml"), "kind: [this is not\n  yaml: at all");
    Files.writeString(dir.resolve("refused.yaml"), TestRoutes.route("refused", "refused.example.com", "backend")
        .replace("port: 3000}", "port: 3000, weight: -1}"));
    Files.writeString(dir.resolve("missing-backend.yaml"), TestRoutes.route("missing-backend", "missing.example.com", "nope"));
    Files.writeString(dir.resolve("bad-patch.yaml"), BAD_PATCH_POLICY);
    for (int n = 1; n <= 3; n++) {
      translateAgain(n);
    }
    BAD_FILES.forEach((file, text) ->
        assertThat(lines(text, false)).as("lines about " + file + " in:\n" + log()).isEqualTo(1));
    String statuses = serve.get("/statuses").body();
    BAD_FILES.values().forEach(text -> assertThat(statuses).contains(text));

    for (String file : BAD_FILES.keySet()) {
      Files.delete(dir.resolve(file));
    }
    for (int n = 4; n <= 5; n++) {
      translateAgain(n);
    }
    BAD_FILES.forEach((file, text) -> {
      assertThat(lines(text, false)).as("lines about " + file + " in:\n" + log()).isEqualTo(1);
      assertThat(lines(text, true)).as("resolved lines about " + file + " in:\n" + log()).isEqualTo(1);
    });
    assertThat(serve.get("/statuses").body()).contains("\"problems\" : [ ]");
  }

  @Test
  @Timeout(60)
  void nack_isLoggedOnceWhileTheProxyRefusesEveryVersion_andResolvedOnceItAccepts() throws Exception {
    try (AdsTestClient proxy = new AdsTestClient(serve.xdsAddress(), "default/eg")) {
      proxy.request(XdsType.ROUTE.typeUrl(), List.of(ROUTES), "", "");
      DiscoveryResponse accepted = proxy.next(WAIT);
      proxy.ack(accepted, List.of(ROUTES));
      String reason = "route configuration refused by this test";
      for (int n = 1; n <= 3; n++) {
        translateAgain(n);
        DiscoveryResponse refused = proxy.next(WAIT);
        assertThat(refused).as("version " + n).isNotNull();
        proxy.nack(refused, List.of(ROUTES), accepted.getVersionInfo(), reason);
      }
      Thread.sleep(200); // the last NACK reaches the server
      assertThat(lines(reason, false)).as(log()).isEqualTo(1);
      assertThat(lines("proxy of gateway default/eg rejected " + XdsType.ROUTE.typeUrl() + ": " + reason, false)).isEqualTo(1);
      assertThat(serve.get("/statuses").body()).contains(reason);

      translateAgain(4);
      proxy.ack(proxy.next(WAIT), List.of(ROUTES));
      Thread.sleep(200);
      assertThat(lines(reason, false)).isEqualTo(1);
      assertThat(lines(reason, true)).as(log()).isEqualTo(1);
      assertThat(serve.get("/statuses").body()).doesNotContain(reason);
    }
  }
}

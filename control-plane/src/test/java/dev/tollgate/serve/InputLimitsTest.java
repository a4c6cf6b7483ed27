package dev.tollgate.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import dev.tollgate.translator.input.ReadLimits;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Files larger than the limits: refused without being read, while everything else goes on being served. */
class InputLimitsTest {

  private static final String ROUTES = "default/eg/http";

  /** A YAML document holding one quoted string, of about {@code megabytes} MiB. */
  static void writeHugeYaml(Path file, int megabytes) throws Exception {
    byte[] chunk = new byte[1024 * 1024];
    Arrays.fill(chunk, (byte) 'x');
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("data: \"".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < megabytes; i++) {
        out.write(chunk);
      }
      out.write("\"\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static List<String> hosts(DiscoveryResponse r) throws Exception {
    return r.getResources(0).unpack(RouteConfiguration.class).getVirtualHostsList().stream()
        .flatMap(v -> v.getDomainsList().stream()).toList();
  }

  /**
   * In a process of its own with a heap of 96 MiB, as a container might give it: a 40 MiB file
   * that was read whole would not fit, and before the size was checked it stopped the watch for good.
   */
  @Test
  @Timeout(90)
  void fileOverTheLimit_isRefusedWithoutBeingRead_andARouteAddedAfterItIsServedWithinSeconds(@TempDir Path dir) throws Exception {
    Files.copy(Golden.testdata().resolve("basic/quickstart.in.yaml"), dir.resolve("quickstart.yaml"));
    try (ServeProcess serve = ServeProcess.start(List.of("-Xmx96m"), Duration.ofSeconds(40), "--resources", dir.toString())) {
      Path huge = dir.resolve("huge.yaml");
      writeHugeYaml(huge, 40);
      String refused = huge + ": is " + ReadLimits.describe(Files.size(huge))
          + ", larger than the limit of 32 MiB (--max-file-size); it was not read";
      awaitBody(serve, "/statuses", refused, Duration.ofSeconds(10));
      // Translated again while the file is there: it is not spoken of again.
      Files.writeString(dir.resolve("other.yaml"), TestRoutes.route("other", "other.example.com"));
      awaitBody(serve, "/config_dump", "other.example.com", Duration.ofSeconds(5));
      Files.delete(huge);

      long start = System.nanoTime();
      Files.writeString(dir.resolve("late.yaml"), TestRoutes.route("late", "late.example.com"));
      awaitBody(serve, "/config_dump", "late.example.com", Duration.ofSeconds(5));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).as("the route added after the oversized file is served within a few seconds").isLessThan(5000);
      assertThat(serve.rssKib()).as("resident memory, KiB").isLessThan(512 * 1024);
      assertThat(serve.log()).doesNotContain("OutOfMemoryError");
      List<String> lines = serve.log().lines().filter(l -> l.contains(refused)).toList();
      assertThat(lines).as("reported once, and resolved once").hasSize(2);
      assertThat(lines.get(0)).contains("ERROR").doesNotContain("resolved");
      assertThat(lines.get(1)).contains("INFO").contains("resolved: " + refused);
    }
  }

  private static void awaitBody(ServeProcess serve, String path, String expected, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      body = serve.get(path).body();
      if (body.contains(expected)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(path + " did not show " + expected + " within " + within + "; it shows:\n" + body
        + "\nlog:\n" + serve.log());
  }

  @Test
  @Timeout(60)
  void fileGrownOverASmallerLimit_keepsItsLastReadableContents() throws Exception {
    try (ServeFixture serve = ServeFixture.serving(List.of("basic/quickstart.in.yaml"),
        Map.of("tollgate.max-file-size", "64Ki"));
        AdsTestClient proxy = new AdsTestClient(serve.xdsAddress(), "default/eg")) {
      proxy.request(XdsType.ROUTE.typeUrl(), List.of(ROUTES), "", "");
      proxy.ack(proxy.next(Duration.ofSeconds(5)), List.of(ROUTES));

      Path late = serve.directory.resolve("late.yaml");
      Files.writeString(late, TestRoutes.route("late", "late.example.com"));
      DiscoveryResponse withLate = proxy.next(Duration.ofSeconds(5));
      assertThat(hosts(withLate)).contains("late.example.com");
      proxy.ack(withLate, List.of(ROUTES));

      // Grown past the limit: its last readable contents, the route, stay in use.
      Files.writeString(late, TestRoutes.route("late", "late.example.com") + "---\n# " + "x".repeat(70 * 1024) + "\n");
      assertThat(proxy.next(Duration.ofSeconds(1))).as("nothing changes for the proxy").isNull();
      assertThat(serve.get("/statuses").body()).contains(late + ": is " + ReadLimits.describe(Files.size(late)) + ", larger than the limit of 64 KiB")
          .contains("its last readable contents stay in use");
    }
  }
}

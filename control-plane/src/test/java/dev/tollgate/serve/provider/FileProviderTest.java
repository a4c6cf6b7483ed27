package dev.tollgate.serve.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The watch itself: what it survives, and what it notices. */
class FileProviderTest {

  private static final String ROUTE = """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: %s, namespace: default}
      spec:
        parentRefs: [{name: eg}]
      """;

  private static FileProvider provider(List<Path> roots, Consumer<ProvidedInputs> consumer) {
    return new FileProvider(roots, FileProvider.Options.defaults(Duration.ofMillis(20)), consumer);
  }

  private static List<String> routes(ProvidedInputs inputs) {
    return inputs.resources().httpRoutes().stream().map(r -> r.metadata().name()).toList();
  }

  @Test
  @Timeout(20)
  void errorWhileHandlingOneChange_doesNotEndTheWatch(@TempDir Path dir) throws Exception {
    BlockingQueue<ProvidedInputs> delivered = new LinkedBlockingQueue<>();
    AtomicInteger calls = new AtomicInteger();
    try (FileProvider provider = provider(List.of(dir), inputs -> {
      if (calls.incrementAndGet() == 2) {
        throw new AssertionError("a library's assertion, once");
      }
      delivered.add(inputs);
    })) {
      provider.start();
      assertThat(routes(delivered.poll(5, TimeUnit.SECONDS))).isEmpty();
      Files.writeString(dir.resolve("a.yaml"), ROUTE.formatted("a"));
      Thread.sleep(500); // the change whose handling fails
      Files.writeString(dir.resolve("b.yaml"), ROUTE.formatted("b"));
      ProvidedInputs next = delivered.poll(5, TimeUnit.SECONDS);
      assertThat(next).as("the watch goes on after an Error").isNotNull();
      assertThat(routes(next)).containsExactly("a", "b");
      assertThat(provider.watching()).isTrue();
      assertThat(provider.stoppedBy()).isEmpty();
    }
  }

  @Test
  @Timeout(20)
  void rootDirectoryRemovedAndCreatedAgain_isWatchedAgain_withoutAnyOtherChange(@TempDir Path parent) throws Exception {
    Path dir = Files.createDirectory(parent.resolve("manifests"));
    Files.writeString(dir.resolve("a.yaml"), ROUTE.formatted("a"));
    BlockingQueue<ProvidedInputs> delivered = new LinkedBlockingQueue<>();
    try (FileProvider provider = provider(List.of(dir), delivered::add)) {
      provider.start();
      assertThat(routes(delivered.poll(5, TimeUnit.SECONDS))).containsExactly("a");
      Files.delete(dir.resolve("a.yaml"));
      Files.delete(dir);
      ProvidedInputs gone = delivered.poll(5, TimeUnit.SECONDS);
      assertThat(gone.unread()).containsExactly(dir + ": does not exist");
      Files.createDirectory(dir);
      Files.writeString(dir.resolve("b.yaml"), ROUTE.formatted("b"));
      ProvidedInputs back = null;
      for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); System.nanoTime() < deadline; ) {
        back = delivered.poll(5, TimeUnit.SECONDS);
        if (back != null && routes(back).contains("b")) {
          break;
        }
      }
      assertThat(back).isNotNull();
      assertThat(routes(back)).containsExactly("b");
      assertThat(back.unread()).isEmpty();
    }
  }

  @Test
  void fileThatIsNotYaml_keepsItsLastReadableDocuments_andOneWithNoneIsUnread(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), ROUTE.formatted("a"));
    FileProvider provider = provider(List.of(dir), inputs -> {});
    assertThat(routes(provider.read())).containsExactly("a");
    Files.writeString(a, "kind: [not yaml");
    ProvidedInputs broken = provider.read();
    assertThat(routes(broken)).containsExactly("a");
    assertThat(broken.fileProblems()).singleElement().asString().contains(a + " (document 0): not valid YAML")
        .endsWith("; its last readable contents stay in use");
    assertThat(broken.unread()).isEmpty();
    Path b = Files.writeString(dir.resolve("b.yaml"), "kind: [not yaml either");
    assertThat(provider.read().unread()).singleElement().asString().startsWith(b + " (document 0): not valid YAML");
  }
}

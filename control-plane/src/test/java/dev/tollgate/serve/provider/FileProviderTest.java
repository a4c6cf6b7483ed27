package dev.tollgate.serve.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
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

  @Test
  void fileChangedWithoutAnEvent_isNotReadAgain_untilAnEventNamesIt(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), ROUTE.formatted("a"));
    Path b = Files.writeString(dir.resolve("b.yaml"), ROUTE.formatted("b"));
    FileProvider provider = provider(List.of(dir), inputs -> {});
    assertThat(routes(provider.read())).containsExactly("a", "b");
    Files.writeString(a, ROUTE.formatted("a2"));
    Files.writeString(b, ROUTE.formatted("b2"));
    assertThat(routes(provider.read(WatchedChanges.of(a)).orElseThrow())).containsExactly("a2", "b");
    assertThat(routes(provider.read(WatchedChanges.of(b)).orElseThrow())).containsExactly("a2", "b2");
  }

  @Test
  void deletedFile_disappears_andTheOthersAreNotReadAgain(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), ROUTE.formatted("a"));
    Path b = Files.writeString(dir.resolve("b.yaml"), ROUTE.formatted("b"));
    FileProvider provider = provider(List.of(dir), inputs -> {});
    provider.read();
    Files.delete(a);
    Files.writeString(b, ROUTE.formatted("b2"));
    assertThat(routes(provider.read(WatchedChanges.of(a)).orElseThrow())).containsExactly("b");
  }

  @Test
  void overflow_readsEveryFileAgain(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), ROUTE.formatted("a"));
    Path b = Files.writeString(dir.resolve("b.yaml"), ROUTE.formatted("b"));
    FileProvider provider = provider(List.of(dir), inputs -> {});
    provider.read();
    Files.writeString(a, ROUTE.formatted("a2"));
    Files.delete(b);
    Files.writeString(dir.resolve("c.yaml"), ROUTE.formatted("c"));
    WatchedChanges lost = new WatchedChanges();
    lost.note(dir, List.of(OVERFLOW));
    assertThat(routes(provider.read(lost).orElseThrow())).containsExactly("a2", "c");
  }

  @Test
  void directoryCreated_walksTheRootsAgain(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), ROUTE.formatted("a"));
    FileProvider provider = provider(List.of(dir), inputs -> {});
    provider.read();
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Files.writeString(sub.resolve("c.yaml"), ROUTE.formatted("c"));
    Files.writeString(a, ROUTE.formatted("a2"));
    assertThat(routes(provider.read(WatchedChanges.of(sub)).orElseThrow())).containsExactly("a2", "c");
  }

  @Test
  void directoryDeleted_dropsItsFiles(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), ROUTE.formatted("a"));
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Files.writeString(sub.resolve("c.yaml"), ROUTE.formatted("c"));
    FileProvider provider = provider(List.of(dir), inputs -> {});
    assertThat(routes(provider.read())).containsExactly("a", "c");
    Files.delete(sub.resolve("c.yaml"));
    Files.delete(sub);
    assertThat(routes(provider.read(WatchedChanges.of(sub)).orElseThrow())).containsExactly("a");
  }

  @Test
  void badFile_staysReported_whileOtherFilesAreReadAgain(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), ROUTE.formatted("a"));
    Path b = Files.writeString(dir.resolve("b.yaml"), ROUTE.formatted("b"));
    FileProvider provider = provider(List.of(dir), inputs -> {});
    provider.read();
    Files.writeString(a, "kind: [not yaml");
    assertThat(provider.read(WatchedChanges.of(a)).orElseThrow().fileProblems()).hasSize(1);
    Files.writeString(b, ROUTE.formatted("b2"));
    ProvidedInputs later = provider.read(WatchedChanges.of(b)).orElseThrow();
    assertThat(routes(later)).containsExactly("a", "b2");
    assertThat(later.fileProblems()).singleElement().asString().startsWith(a + " (document 0): not valid YAML")
        .endsWith("; its last readable contents stay in use");
  }

  @Test
  void rootFile_missingAfterABurst_keepsItsLastContents_andIsReadWhenBack(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), ROUTE.formatted("a"));
    FileProvider provider = provider(List.of(a), inputs -> {});
    provider.read();
    Files.delete(a);
    ProvidedInputs gone = provider.read(WatchedChanges.of(a)).orElseThrow();
    assertThat(routes(gone)).containsExactly("a");
    assertThat(gone.fileProblems()).singleElement().asString().endsWith("; its last readable contents stay in use");
    Files.writeString(a, ROUTE.formatted("a2"));
    ProvidedInputs back = provider.read(WatchedChanges.of(a)).orElseThrow();
    assertThat(routes(back)).containsExactly("a2");
    assertThat(back.fileProblems()).isEmpty();
  }

  @Test
  void eventsOutsideTheRoots_orOfFilesThatAreNotManifests_readNothing(@TempDir Path dir) throws Exception {
    Path root = Files.createDirectory(dir.resolve("manifests"));
    Path a = Files.writeString(root.resolve("a.yaml"), ROUTE.formatted("a"));
    FileProvider provider = provider(List.of(root), inputs -> {});
    provider.read();
    Files.writeString(a, ROUTE.formatted("a2"));
    Path swap = Files.writeString(root.resolve(".a.yaml.swp"), "not yaml");
    Path outside = Files.writeString(dir.resolve("b.yaml"), ROUTE.formatted("b"));
    assertThat(provider.read(WatchedChanges.of(swap, outside, root.resolve("4913")))).isEmpty();
    assertThat(routes(provider.read(WatchedChanges.of(a)).orElseThrow())).containsExactly("a2");
  }

  @Test
  void fileSavedUnchanged_handsNothingOver(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), ROUTE.formatted("a"));
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "kind: [not yaml");
    FileProvider provider = provider(List.of(dir), inputs -> {});
    provider.read();
    Files.writeString(a, ROUTE.formatted("a"));
    Files.writeString(broken, "kind: [not yaml");
    assertThat(provider.read(WatchedChanges.of(a, broken))).isEmpty();
    WatchedChanges lost = new WatchedChanges();
    lost.note(dir, List.of(OVERFLOW));
    assertThat(provider.read(lost)).as("a walk that finds nothing new").isEmpty();
  }

  @Test
  @Timeout(20)
  void watch_fileDeletedAndFileInANewDirectory_areHandedOver(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), ROUTE.formatted("a"));
    Path b = Files.writeString(dir.resolve("b.yaml"), ROUTE.formatted("b"));
    BlockingQueue<ProvidedInputs> delivered = new LinkedBlockingQueue<>();
    try (FileProvider provider = provider(List.of(dir), delivered::add)) {
      provider.start();
      assertThat(routes(delivered.poll(5, TimeUnit.SECONDS))).containsExactly("a", "b");
      Files.delete(b);
      assertThat(routes(delivered.poll(5, TimeUnit.SECONDS))).containsExactly("a");
      Path sub = Files.createDirectory(dir.resolve("sub"));
      Files.writeString(sub.resolve("c.yaml"), ROUTE.formatted("c"));
      ProvidedInputs withC = null;
      for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); System.nanoTime() < deadline; ) {
        withC = delivered.poll(5, TimeUnit.SECONDS);
        if (withC != null && routes(withC).contains("c")) {
          break;
        }
      }
      assertThat(routes(withC)).containsExactly("a", "c");
      Files.writeString(sub.resolve("c.yaml"), ROUTE.formatted("c2"));
      assertThat(routes(delivered.poll(5, TimeUnit.SECONDS))).as("the new directory is watched").containsExactly("a", "c2");
    }
  }

  @Test
  @Timeout(20)
  void watch_fileSavedUnchanged_triggersNoHandOver(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), ROUTE.formatted("a"));
    BlockingQueue<ProvidedInputs> delivered = new LinkedBlockingQueue<>();
    try (FileProvider provider = provider(List.of(dir), delivered::add)) {
      provider.start();
      assertThat(routes(delivered.poll(5, TimeUnit.SECONDS))).containsExactly("a");
      Files.writeString(a, ROUTE.formatted("a"));
      Files.writeString(dir.resolve(".a.yaml.swp"), "an editor's");
      assertThat(delivered.poll(1, TimeUnit.SECONDS)).isNull();
      Files.writeString(a, ROUTE.formatted("a2"));
      assertThat(routes(delivered.poll(5, TimeUnit.SECONDS))).containsExactly("a2");
    }
  }

  @Test
  @Timeout(20)
  void changeWhoseHandlingFailed_isHandedOverAgain_atTheNextBurst_evenOneThatChangesNothing(@TempDir Path dir)
      throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), ROUTE.formatted("a"));
    BlockingQueue<ProvidedInputs> delivered = new LinkedBlockingQueue<>();
    AtomicInteger calls = new AtomicInteger();
    try (FileProvider provider = provider(List.of(dir), inputs -> {
      if (calls.incrementAndGet() == 2) {
        throw new IllegalStateException("the consumer fails, once");
      }
      delivered.add(inputs);
    })) {
      provider.start();
      assertThat(routes(delivered.poll(5, TimeUnit.SECONDS))).containsExactly("a");
      Files.writeString(a, ROUTE.formatted("a2"));
      Thread.sleep(500); // the change whose handling fails
      Files.writeString(a, ROUTE.formatted("a2"));
      assertThat(routes(delivered.poll(5, TimeUnit.SECONDS))).containsExactly("a2");
    }
  }

  private static final WatchEvent<Object> OVERFLOW = new WatchEvent<>() {
    @Override
    public Kind<Object> kind() {
      return StandardWatchEventKinds.OVERFLOW;
    }

    @Override
    public int count() {
      return 1;
    }

    @Override
    public Object context() {
      return null;
    }
  };
}

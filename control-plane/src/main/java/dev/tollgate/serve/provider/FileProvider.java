package dev.tollgate.serve.provider;

import dev.tollgate.translator.extension.ExtensionKinds;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.input.UnreadableInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Manifests from files and directories, watched: a burst of changes (an editor's save, a
 * {@code kubectl}-style rewrite of many files) is read once it has settled for the debounce
 * interval. A file that stops being readable YAML keeps contributing its last readable contents,
 * so one bad save never removes a Gateway or its routes; it is reported until fixed.
 */
public final class FileProvider implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FileProvider.class);

  private final List<Path> roots;
  private final Duration debounce;
  private final Consumer<ProvidedInputs> consumer;
  private final ExtensionKinds extensionKinds;
  /** The last readable contents of each file. */
  private final Map<Path, String> lastGood = new HashMap<>();
  private WatchService watcher;
  private Thread thread;
  private volatile boolean running;

  public FileProvider(List<Path> roots, Duration debounce, Consumer<ProvidedInputs> consumer) {
    this(roots, debounce, ExtensionKinds.NONE, consumer);
  }

  /** @param extensionKinds kinds of an extension server, read whole */
  public FileProvider(List<Path> roots, Duration debounce, ExtensionKinds extensionKinds, Consumer<ProvidedInputs> consumer) {
    this.extensionKinds = extensionKinds;
    this.roots = List.copyOf(roots);
    this.debounce = debounce;
    this.consumer = consumer;
  }

  /** Reads everything once, hands it to the consumer, then watches for changes on a thread of its own. */
  public void start() throws IOException {
    watcher = FileSystems.getDefault().newWatchService();
    registerAll();
    consumer.accept(read());
    running = true;
    thread = new Thread(this::watch, "tollgate-file-provider");
    thread.setDaemon(true);
    thread.start();
  }

  /** Reads every file now (the watcher calls this after each settled burst). */
  public synchronized ProvidedInputs read() {
    Map<String, String> contents = new TreeMap<>();
    List<String> fileProblems = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Path file : files(fileProblems)) {
      seen.add(file);
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        keepLastGood(file, file + ": cannot be read: " + e.getMessage(), contents, fileProblems);
        continue;
      }
      String problem = yamlProblem(file, text);
      if (problem != null) {
        keepLastGood(file, problem, contents, fileProblems);
        continue;
      }
      lastGood.put(file, text);
      contents.put(file.toString(), text);
    }
    lastGood.keySet().retainAll(seen);
    ManifestReader reader = new ManifestReader(extensionKinds);
    for (var e : contents.entrySet()) {
      try {
        reader.readString(e.getKey(), e.getValue());
      } catch (UnreadableInputException ex) {
        fileProblems.add(ex.getMessage()); // checked above; only a race could get here
      }
    }
    return new ProvidedInputs(reader.resources(), reader.problems(), fileProblems);
  }

  /** @param problem what is wrong, naming the file */
  private void keepLastGood(Path file, String problem, Map<String, String> contents, List<String> fileProblems) {
    String previous = lastGood.get(file);
    if (previous != null) {
      contents.put(file.toString(), previous);
      fileProblems.add(problem + "; its last readable contents stay in use");
    } else {
      fileProblems.add(problem);
    }
  }

  /** Null when the text is YAML throughout, else the reader's message (naming file and document). */
  private static String yamlProblem(Path file, String text) {
    try {
      new ManifestReader().readString(file.toString(), text);
      return null;
    } catch (UnreadableInputException e) {
      return e.getMessage();
    }
  }

  /** The manifest files under the roots, sorted. */
  private List<Path> files(List<String> problems) {
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(Files::isRegularFile).filter(FileProvider::isManifest).sorted().forEach(out::add);
        } catch (IOException e) {
          problems.add(root + ": cannot be listed: " + e.getMessage());
        }
      } else if (Files.isRegularFile(root)) {
        out.add(root);
      } else if (lastGood.containsKey(root)) {
        out.add(root); // gone for a moment (an editor replacing it): reported below, last contents kept
      } else {
        problems.add(root + ": does not exist");
      }
    }
    return out;
  }

  private static boolean isManifest(Path p) {
    String name = p.getFileName().toString();
    return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
  }

  /** Watches each root directory (and its subdirectories), or a root file's directory. */
  private void registerAll() throws IOException {
    for (Path root : roots) {
      Path dir = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        continue;
      }
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path d : walk.filter(Files::isDirectory).toList()) {
            register(d);
          }
        }
      } else {
        register(dir);
      }
    }
  }

  private void register(Path dir) throws IOException {
    dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_DELETE);
  }

  private void watch() {
    while (running) {
      try {
        WatchKey key = watcher.take();
        drain(key);
        // Settle: keep collecting until nothing happens for the debounce interval.
        for (WatchKey next = watcher.poll(debounce.toMillis(), TimeUnit.MILLISECONDS); next != null;
            next = watcher.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) {
          drain(next);
        }
        registerAll(); // new subdirectories
        consumer.accept(read());
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      } catch (IOException | RuntimeException e) {
        LOG.error("reading manifests failed; the configuration being served is unchanged", e);
      }
    }
  }

  private static void drain(WatchKey key) {
    key.pollEvents();
    key.reset();
  }

  @Override
  public void close() throws IOException {
    running = false;
    if (watcher != null) {
      watcher.close();
    }
    if (thread != null) {
      thread.interrupt();
    }
  }
}

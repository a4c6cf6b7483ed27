package dev.tollgate.serve.provider;

import dev.tollgate.app.Failures;
import dev.tollgate.translator.extension.ExtensionKinds;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.input.ReadLimits;
import dev.tollgate.translator.input.TakenDocuments;
import dev.tollgate.translator.input.UnreadableInputException;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Manifests from files and directories, watched: a burst of changes (an editor's save, a
 * {@code kubectl}-style rewrite of many files) is read once it has settled for the debounce
 * interval, or once it has gone on for {@link #maxSettle} however busy the files stay.
 *
 * <p>Every file is bounded before it is read: one larger than the file limit is refused without
 * being opened, and one that grows while it is read is cut off at the limit and refused. A file
 * that cannot be read, is too large or stops being YAML keeps contributing its last readable
 * contents, so one bad save never removes a Gateway or its routes; it is reported until fixed.
 * Each file is parsed once, and again only when its bytes change. Nothing a file holds can stop
 * the watch: a failure while reading one file is that file's problem.
 *
 * <p>After a burst, only the files its events named are read again. The roots are walked and every
 * file read again when events were lost (an overflow), a directory appeared or went away, a watched
 * root reappeared, or a root file went missing: what a walk would find then cannot be told from the
 * events alone. A burst that changes nothing the files contribute (a file saved unchanged, an
 * editor's swap file) is not handed over.
 */
public final class FileProvider implements Provider {

  private static final Logger LOG = LoggerFactory.getLogger(FileProvider.class);
  /** How often the watch looks for watched directories that have appeared (a root created after a deletion). */
  private static final Duration RESCAN = Duration.ofSeconds(1);

  /**
   * How files are read.
   *
   * @param debounce how long the files must stay unchanged before a burst of changes is read
   * @param extensionKinds kinds of an extension server, read whole
   */
  public record Options(Duration debounce, ExtensionKinds extensionKinds, ReadLimits limits) {
    public static Options defaults(Duration debounce) {
      return new Options(debounce, ExtensionKinds.NONE, ReadLimits.DEFAULT);
    }
  }

  /**
   * A file's last readable contents: the digest of its bytes and its documents, admitted once:
   * while its bytes do not change, neither does this instance (equal only to itself).
   */
  private record Parsed(byte[] digest, TakenDocuments taken) {}

  /**
   * What a listed file contributes: its last readable contents (null when it never had any) and
   * what is wrong with it as it is now (null when nothing is).
   */
  private record Held(Parsed parsed, String problem) {}

  private final List<Path> roots;
  private final Options options;
  private final Duration maxSettle;
  private final Consumer<ProvidedInputs> consumer;
  /** Every file listed, by its path as listed (under the root as given), sorted. */
  private Map<Path, Held> held = new TreeMap<>();
  /** The roots that are missing or directories that cannot be listed, as the last walk found them. */
  private List<String> unlistedProblems = List.of();
  private final Map<Path, WatchKey> watched = new HashMap<>();
  private WatchService watcher;
  private Thread thread;
  private volatile boolean running;
  /** {@link System#nanoTime()} when changes were seen that are not yet read and handed over; 0 when there are none. */
  private volatile long busySince;
  private volatile Throwable stoppedBy;
  private String lastFailure;
  /** False while the last inputs read have not been taken by the consumer (it failed): they are handed over again. */
  private volatile boolean handedOver = true;

  public FileProvider(List<Path> roots, Options options, Consumer<ProvidedInputs> consumer) {
    this.roots = List.copyOf(roots);
    this.options = options;
    this.maxSettle = max(Duration.ofSeconds(2), options.debounce().multipliedBy(10));
    this.consumer = consumer;
  }

  /** Reads everything once, hands it to the consumer, then watches for changes on a thread of its own. */
  @Override
  public void start() throws IOException {
    watcher = FileSystems.getDefault().newWatchService();
    registerAll();
    consumer.accept(read());
    running = true;
    thread = new Thread(this::watch, "tollgate-file-provider");
    thread.setDaemon(true);
    thread.start();
  }

  /** Walks the roots and reads every file now (the watcher does when a burst's events do not say enough). */
  @Override
  public synchronized ProvidedInputs read() {
    walk();
    return inputs();
  }

  private void walk() {
    List<String> unlisted = new ArrayList<>();
    Map<Path, Held> next = new TreeMap<>();
    for (Path file : files(unlisted)) {
      next.put(file, readFile(file, held.get(file)));
    }
    held = next;
    unlistedProblems = List.copyOf(unlisted);
  }

  /**
   * Reads again only the files the events named, and drops those deleted; walks the roots instead
   * when the events do not say enough ({@link #needsWalk}). Empty when what the files contribute
   * is as it was (a file saved unchanged, an editor's swap file) and was handed over: there is
   * nothing to translate.
   */
  synchronized Optional<ProvidedInputs> read(WatchedChanges changes) {
    boolean changed = false;
    if (needsWalk(changes)) {
      if (watcher != null) {
        registerAll(); // new directories, a root back
      }
      Map<Path, Held> before = held;
      List<String> unlistedBefore = unlistedProblems;
      walk();
      changed = !held.equals(before) || !unlistedProblems.equals(unlistedBefore);
    } else {
      for (Path named : changes.named()) {
        Optional<Path> file = listed(named);
        if (file.isPresent()) {
          // Not a regular file: deleted, or replaced by something that is not a file.
          Held now = Files.isRegularFile(file.get()) ? readFile(file.get(), held.get(file.get())) : null;
          Held was = now == null ? held.remove(file.get()) : held.put(file.get(), now);
          changed |= !Objects.equals(was, now);
        }
      }
    }
    return changed || !handedOver ? Optional.of(inputs()) : Optional.empty();
  }

  /** What every listed file contributes now, with the roots and directories the last walk could not list. */
  private ProvidedInputs inputs() {
    List<String> fileProblems = new ArrayList<>(unlistedProblems);
    List<String> unread = new ArrayList<>(unlistedProblems);
    ManifestReader reader = new ManifestReader(options.extensionKinds(), options.limits());
    held.forEach((file, h) -> {
      if (h.problem() != null) {
        fileProblems.add(h.problem());
        if (h.parsed() == null) {
          unread.add(h.problem());
        }
      }
      if (h.parsed() != null) {
        reader.add(h.parsed().taken());
      }
    });
    return new ProvidedInputs(reader.resources(), reader.problems(), fileProblems, unread);
  }

  /** Reads one file; one that cannot be read keeps its last readable contents, when it has any. */
  private Held readFile(Path file, Held previous) {
    Parsed last = previous == null ? null : previous.parsed();
    try {
      return new Held(parse(file, last), null);
    } catch (UnreadableInputException e) {
      return last == null ? new Held(null, e.getMessage())
          : new Held(last, e.getMessage() + "; its last readable contents stay in use");
    }
  }

  /**
   * True when what a walk would find cannot be told from the events: a directory created or not
   * yet watched (one that could not be listed may have become listable), a directory gone that
   * files were listed under or that was watched, or a root that is not a regular file now.
   */
  private boolean needsWalk(WatchedChanges changes) {
    if (changes.everythingChanged()) {
      return true;
    }
    Set<Path> listedDirectories = null;
    for (Path named : changes.named()) {
      Optional<Path> under = underRoot(named);
      if (under.isEmpty()) {
        continue;
      }
      Path path = under.get();
      if (roots.contains(path)) {
        if (!Files.isRegularFile(path)) {
          return true;
        }
      } else if (Files.isDirectory(path)) {
        WatchKey key = watched.get(path);
        if (key == null || !key.isValid()) {
          return true;
        }
      } else if (!Files.exists(path) && !held.containsKey(path)) {
        if (listedDirectories == null) {
          listedDirectories = directoriesOf(held.keySet());
        }
        if (watched.containsKey(path) || listedDirectories.contains(path)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every directory the files lie in, their parents included. */
  private static Set<Path> directoriesOf(Set<Path> files) {
    Set<Path> out = new HashSet<>();
    for (Path file : files) {
      Path dir = file.getParent();
      while (dir != null && out.add(dir)) { // a directory already in has its parents in too
        dir = dir.getParent();
      }
    }
    return out;
  }

  /** The named path as a walk lists it, when it is a manifest file a walk would list (or a root itself). */
  private Optional<Path> listed(Path named) {
    return underRoot(named).filter(p -> roots.contains(p) || isManifest(p));
  }

  /** The named path (absolute) under the root it lies in, spelled as the root is given; empty when it lies in none. */
  private Optional<Path> underRoot(Path named) {
    for (Path root : roots) {
      Path absolute = root.toAbsolutePath().normalize();
      if (named.equals(absolute)) {
        return Optional.of(root);
      }
      if (named.startsWith(absolute) && Files.isDirectory(root)) {
        return Optional.of(root.resolve(absolute.relativize(named)));
      }
    }
    return Optional.empty();
  }

  /** The file's documents: its last ones when its bytes have not changed, else parsed anew. */
  private Parsed parse(Path file, Parsed previous) throws UnreadableInputException {
    ManifestReader admitting = new ManifestReader(options.extensionKinds(), options.limits());
    byte[] bytes = admitting.bytesOf(file);
    byte[] digest = sha256(bytes);
    if (previous != null && Arrays.equals(previous.digest(), digest)) {
      return previous;
    }
    try {
      return new Parsed(digest, admitting.take(file.toString(), admitting.parse(file.toString(), bytes)));
    } catch (RuntimeException | Error e) {
      Failures.rethrowIfFatal(e);
      throw new UnreadableInputException(file + ": could not be read: " + e, e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The manifest files under the roots, sorted; a root that is missing, or a directory that cannot
   * be listed, is reported in {@code unlisted}; files last read from a directory that cannot be
   * listed now are still read.
   */
  private Set<Path> files(List<String> unlisted) {
    Set<Path> out = new TreeSet<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        Map<Path, IOException> failed = new TreeMap<>();
        try {
          Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (isManifest(file) && Files.isRegularFile(file)) {
                out.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (!(e instanceof NoSuchFileException)) { // removed while listed: not there to read
                failed.put(file, e);
              }
              return FileVisitResult.CONTINUE;
            }
          });
        } catch (IOException e) {
          failed.put(root, e);
        }
        failed.forEach((dir, e) -> {
          unlisted.add(dir + ": cannot be listed: " + UnreadableInputException.describe(e)
              + "; the files last read from it stay in use");
          held.entrySet().stream().filter(f -> f.getKey().startsWith(dir) && f.getValue().parsed() != null)
              .forEach(f -> out.add(f.getKey()));
        });
      } else if (Files.isRegularFile(root)) {
        out.add(root);
      } else if (held.containsKey(root) && held.get(root).parsed() != null) {
        out.add(root); // gone for a moment (an editor replacing it): reported when read, last contents kept
      } else {
        unlisted.add(root + ": does not exist");
      }
    }
    return out;
  }

  private static boolean isManifest(Path p) {
    String name = p.getFileName().toString();
    return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
  }

  /** Watches each root directory (and its subdirectories), or a root file's directory; what cannot be watched is skipped. */
  private void registerAll() {
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try {
          Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              register(dir);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE; // reported when read
            }
          });
        } catch (IOException e) {
          // reported when read
        }
      } else {
        Path dir = root.toAbsolutePath().getParent();
        if (dir != null && Files.isDirectory(dir)) {
          register(dir);
        }
      }
    }
  }

  private void register(Path dir) {
    WatchKey key = watched.get(dir);
    if (key != null && key.isValid()) {
      return;
    }
    try {
      watched.put(dir, dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE));
    } catch (IOException e) {
      watched.remove(dir); // gone again, or not readable: looked at again at the next rescan
    }
  }

  /** True when a directory to watch exists but is not watched: a root created, or re-created, since. */
  private boolean unwatchedDirectory() {
    for (Path root : roots) {
      Path dir = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
      if (dir != null && Files.isDirectory(dir)) {
        WatchKey key = watched.get(dir);
        if (key == null || !key.isValid()) {
          return true;
        }
      }
    }
    return false;
  }

  private void watch() {
    try {
      while (running) {
        try {
          WatchedChanges changes = awaitChanges();
          if (changes != null) {
            Optional<ProvidedInputs> inputs = read(changes);
            if (inputs.isPresent()) {
              handedOver = false;
              consumer.accept(inputs.get());
              handedOver = true;
            }
            lastFailure = null;
          }
        } catch (InterruptedException | ClosedWatchServiceException e) {
          return;
        } catch (RuntimeException | Error e) {
          Failures.rethrowIfFatal(e);
          if (!e.toString().equals(lastFailure)) {
            LOG.error("reading manifests failed; the configuration being served is unchanged", e);
            lastFailure = e.toString();
          }
        } finally {
          busySince = 0;
        }
      }
    } catch (Throwable fatal) {
      stoppedBy = fatal;
      LOG.error("the file watch stopped ({}); manifest changes are no longer read", fatal.toString());
      throw fatal;
    }
  }

  /**
   * Waits for a burst of changes and for it to settle: what the events named, or null when nothing
   * happened. Also, after at most {@link #RESCAN}, everything when a directory to watch has appeared.
   */
  private WatchedChanges awaitChanges() throws InterruptedException {
    WatchKey key = watcher.poll(RESCAN.toMillis(), TimeUnit.MILLISECONDS);
    if (key == null) {
      if (!unwatchedDirectory()) {
        return null;
      }
      busySince = System.nanoTime();
      return WatchedChanges.everything();
    }
    busySince = System.nanoTime();
    WatchedChanges changes = new WatchedChanges();
    changes.take(key);
    // Settle: keep collecting until nothing happens for the debounce interval, for at most maxSettle.
    long deadline = busySince + maxSettle.toNanos();
    for (long left = maxSettle.toNanos(); left > 0; left = deadline - System.nanoTime()) {
      WatchKey next = watcher.poll(Math.min(options.debounce().toNanos(), left), TimeUnit.NANOSECONDS);
      if (next == null) {
        break;
      }
      changes.take(next);
    }
    return changes;
  }

  /** How long changes seen have waited to be read and handed over, while they have; empty when none wait. */
  @Override
  public Optional<Duration> busyFor() {
    long since = busySince;
    return since == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime() - since));
  }

  /** True while the watch goes on; false once it has stopped or before it started. */
  @Override
  public boolean watching() {
    return running && thread != null && thread.isAlive();
  }

  /** What stopped the watch, when something did. */
  @Override
  public Optional<Throwable> stoppedBy() {
    return Optional.ofNullable(stoppedBy);
  }

  /** Files are read in full when started: nothing is waited for. */
  @Override
  public boolean synced() {
    return thread != null;
  }

  @Override
  public String description() {
    return "the file watch";
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
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

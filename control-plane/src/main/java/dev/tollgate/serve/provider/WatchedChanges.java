package dev.tollgate.serve.provider;

import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the watch saw during one burst: the paths its events named (absolute, normalized), or that
 * everything must be looked at again because events were lost or a watched directory went away.
 */
final class WatchedChanges {

  private final Set<Path> named = new HashSet<>();
  private boolean everything;

  static WatchedChanges everything() {
    WatchedChanges changes = new WatchedChanges();
    changes.everything = true;
    return changes;
  }

  static WatchedChanges of(Path... paths) {
    WatchedChanges changes = new WatchedChanges();
    for (Path p : paths) {
      changes.named.add(p.toAbsolutePath().normalize());
    }
    return changes;
  }

  /** Takes a key's events and resets it; a key that cannot be reset no longer watches its directory, which is gone. */
  void take(WatchKey key) {
    note((Path) key.watchable(), key.pollEvents());
    if (!key.reset()) {
      everything = true;
    }
  }

  /** Notes events of the directory {@code dir}; an overflow means some were lost, so every file is read again. */
  void note(Path dir, List<WatchEvent<?>> events) {
    for (WatchEvent<?> event : events) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW || !(event.context() instanceof Path name)) {
        everything = true;
      } else {
        named.add(dir.resolve(name).toAbsolutePath().normalize());
      }
    }
  }

  /** True when events were lost or a watched directory is gone: the roots must be walked again. */
  boolean everythingChanged() {
    return everything;
  }

  Set<Path> named() {
    return Collections.unmodifiableSet(named);
  }
}

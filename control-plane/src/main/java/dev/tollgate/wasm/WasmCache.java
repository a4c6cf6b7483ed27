package dev.tollgate.wasm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Wasm modules on disk, content-addressed ({@code <sha256>.wasm}), so a module is kept once
 * however many policies use it and survives restarts. The total size is bounded: adding a module
 * evicts the least recently used ones first. Thread-safe.
 */
public final class WasmCache {

  private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}\\.wasm");

  private final Path directory;
  private final long maxBytes;

  /** The directory is created when the first module is stored. */
  public WasmCache(Path directory, long maxBytes) {
    this.directory = directory;
    this.maxBytes = maxBytes;
  }

  /** Stores the module; returns its sha256. */
  public synchronized String put(byte[] module) throws IOException {
    if (module.length > maxBytes) {
      throw new IOException("the module (" + module.length + " bytes) is larger than the whole cache (" + maxBytes + " bytes)");
    }
    String sha256 = Digests.sha256(module);
    Files.createDirectories(directory);
    Path file = file(sha256);
    if (!Files.exists(file)) {
      Path partial = Files.createTempFile(directory, sha256, ".partial");
      Files.write(partial, module);
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    touch(file);
    evictBeyond(maxBytes, file);
    return sha256;
  }

  /**
   * Whether a module with this sha256 is kept (and is now the most recently used); its content is
   * checked when it is read, not here, so asking costs no read of the module.
   */
  public synchronized boolean contains(String sha256) throws IOException {
    if (!sha256.matches("[0-9a-f]{64}") || !Files.exists(file(sha256))) {
      return false;
    }
    touch(file(sha256));
    return true;
  }

  /** The module with this sha256, checked again as it is read (a file changed on disk is dropped). */
  public synchronized Optional<byte[]> get(String sha256) throws IOException {
    if (!sha256.matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    Path file = file(sha256);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    byte[] module = Files.readAllBytes(file);
    if (!Digests.sha256(module).equals(sha256)) {
      Files.deleteIfExists(file);
      return Optional.empty();
    }
    touch(file);
    return Optional.of(module);
  }

  private Path file(String sha256) {
    return directory.resolve(sha256 + ".wasm");
  }

  private static void touch(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
  }

  private void evictBeyond(long limit, Path keep) throws IOException {
    List<Path> files;
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> listed = Files.list(directory)) {
      files = listed.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparing(WasmCache::modified).thenComparing(Path::toString)).toList();
    }
    long total = 0;
    for (Path f : files) {
      total += Files.size(f);
    }
    for (Path f : files) {
      if (total <= limit) {
        break;
      }
      if (!f.equals(keep)) {
        total -= Files.size(f);
        Files.deleteIfExists(f);
      }
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}

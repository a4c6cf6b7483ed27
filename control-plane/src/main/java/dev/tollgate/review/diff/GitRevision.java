package dev.tollgate.review.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The files under some paths as a Git revision has them, written to a directory, so the same
 * paths can be read at that revision and in the working tree. Runs the {@code git} command the
 * user's checkout already needs: CI jobs that diff a pull request have it, and a Java reading of
 * the object database would add a library for two commands.
 */
public final class GitRevision {

  private GitRevision() {}

  private static final long TIMEOUT_SECONDS = 60;

  /** Thrown with git's own message when a command fails. */
  public static final class GitException extends Exception {
    GitException(String message) {
      super(message);
    }
  }

  /**
   * Writes each path's files at {@code revision} under {@code into}, keeping their place relative
   * to the repository's root, and returns the paths to read there, in the order given.
   */
  public static List<String> checkout(String revision, List<String> paths, Path into) throws GitException, IOException {
    List<String> out = new ArrayList<>();
    for (String p : paths) {
      Path path = Path.of(p).toAbsolutePath().normalize();
      Path dir = Files.isDirectory(path) ? path : path.getParent();
      Path root = Path.of(run(dir, "rev-parse", "--show-toplevel").strip());
      String relative = root.relativize(path).toString().replace('\\', '/');
      String listed = run(root, "ls-tree", "-r", "--name-only", "-z", revision, "--", relative.isEmpty() ? "." : relative);
      boolean any = false;
      for (String file : listed.split("\0")) {
        if (file.isEmpty()) {
          continue;
        }
        Path target = into.resolve(file).normalize();
        if (!target.startsWith(into)) {
          throw new GitException("refusing path outside the checkout: " + file);
        }
        Files.createDirectories(target.getParent());
        Files.write(target, bytes(root, "show", revision + ":" + file));
        any = true;
      }
      if (!any) {
        throw new GitException(p + " does not exist at " + revision);
      }
      out.add(into.resolve(relative).toString());
    }
    return out;
  }

  private static String run(Path dir, String... args) throws GitException, IOException {
    return new String(bytes(dir, args), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(Path dir, String... args) throws GitException, IOException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
    } catch (IOException e) {
      throw new GitException("cannot run git: " + e.getMessage());
    }
    process.getOutputStream().close();
    byte[] out;
    byte[] err;
    try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
      out = stdout.readAllBytes();
      err = stderr.readAllBytes();
    }
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new GitException("git " + String.join(" ", args) + " did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new GitException("interrupted");
    }
    if (process.exitValue() != 0) {
      throw new GitException("git " + String.join(" ", args) + ": " + new String(err, StandardCharsets.UTF_8).strip());
    }
    return out;
  }
}

package dev.tollgate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the tollgate command in a JVM of its own, from the test classpath, for what only a real
 * process shows: what libraries print to its standard error through their own logging.
 */
record CliProcess(int exitCode, String out, String err) {

  static CliProcess of(String... args) throws IOException, InterruptedException {
    return withEnvironment(java.util.Map.of(), args);
  }

  /** Runs with these environment variables added to the test's own. */
  static CliProcess withEnvironment(java.util.Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("tollgate-out", ".txt");
    Path err = Files.createTempFile("tollgate-err", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("tollgate " + String.join(" ", args) + " did not finish within 60 s");
      }
      return new CliProcess(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}

package dev.tollgate.serve;

import dev.tollgate.cli.Main;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code tollgate serve} in a JVM of its own, from the test classpath, with JVM options such as a
 * small heap: for what only a real process shows (memory, what reaches standard error). Admin on
 * a free loopback port, ADS on a port the system chooses.
 */
final class ServeProcess implements AutoCloseable {

  private final Process process;
  private final Path err;
  private final int adminPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ServeProcess(Process process, Path err, int adminPort) {
    this.process = process;
    this.err = err;
    this.adminPort = adminPort;
  }

  /** Starts serve and waits, at most {@code startup}, for its admin port to answer. */
  static ServeProcess start(List<String> jvmOptions, Duration startup, String... serveArgs) throws Exception {
    return start(jvmOptions, java.util.Map.of(), startup, serveArgs);
  }

  /** Starts serve with these environment variables added to the test's own. */
  static ServeProcess start(List<String> jvmOptions, java.util.Map<String, String> environment, Duration startup,
      String... serveArgs) throws Exception {
    int adminPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      adminPort = s.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
        "--xds-address", "127.0.0.1:0", "--admin-address", "127.0.0.1:" + adminPort));
    command.addAll(List.of(serveArgs));
    Path err = Files.createTempFile("tollgate-serve-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(err.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    ServeProcess serve = new ServeProcess(process, err, adminPort);
    long deadline = System.nanoTime() + startup.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("serve exited with " + process.exitValue() + ": " + serve.log());
      }
      try {
        serve.get("/health/liveness");
        return serve;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    serve.close();
    throw new IllegalStateException("serve did not answer within " + startup + ": " + serve.log());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What the process has written to standard error so far. */
  String log() throws IOException {
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  /** The process's resident set size, in KiB, from {@code /proc}; -1 where there is none. */
  long rssKib() throws IOException {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    Files.deleteIfExists(err);
  }
}

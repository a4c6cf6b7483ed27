package dev.tollgate.extension.config;

import dev.tollgate.translator.extension.ExtensionKinds;
import dev.tollgate.translator.extension.HookSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A checked extension configuration: what the translator needs (kinds, hooks) and how to reach
 * the extension.
 *
 * @param source the file it was read from, for messages
 * @param maxMessageSize the largest message sent or received, in bytes
 * @param timeout the deadline of every hook call
 * @param warnings what in the file was ignored (fields Tollgate does not read), to be reported
 */
public record ExtensionSettings(
    String source, ExtensionKinds kinds, HookSettings hooks, Target target, TlsFiles tls, int maxMessageSize, Duration timeout,
    java.util.List<String> warnings) {

  public ExtensionSettings {
    warnings = java.util.List.copyOf(warnings);
  }

  public ExtensionSettings(
      String source, ExtensionKinds kinds, HookSettings hooks, Target target, TlsFiles tls, int maxMessageSize, Duration timeout) {
    this(source, kinds, hooks, target, tls, maxMessageSize, timeout, java.util.List.of());
  }

  public static final int DEFAULT_MAX_MESSAGE_SIZE = 4_000_000;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** Where the extension listens. */
  public sealed interface Target {}

  public record TcpTarget(String host, int port) implements Target {
    @Override
    public String toString() {
      return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
  }

  public record UnixTarget(Path path) implements Target {
    @Override
    public String toString() {
      return "unix:" + path;
    }
  }

  /** PEM files for TLS; {@code certificate} and {@code key} are set together, for mutual TLS. */
  public record TlsFiles(Path ca, Path certificate, Path key) {}
}

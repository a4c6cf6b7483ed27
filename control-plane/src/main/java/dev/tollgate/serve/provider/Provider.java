package dev.tollgate.serve.provider;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the daemon's inputs come from (files, or a Kubernetes cluster): it hands the consumer it
 * was made with a {@link ProvidedInputs} once everything is read, and again after every settled
 * change.
 */
public interface Provider extends AutoCloseable {

  /** Starts reading; the first inputs reach the consumer once they are complete. */
  void start() throws IOException;

  /** Everything the provider holds now, read again (the translation loop retries with it). */
  ProvidedInputs read();

  /** True once every source has been read in full at least once: until then, what is served may lack objects. */
  boolean synced();

  /** True while changes are being followed; false once that has stopped or before it started. */
  boolean watching();

  /** What stopped the following of changes, when something did. */
  Optional<Throwable> stoppedBy();

  /** How long changes seen have waited to be read and handed over, while they have; empty when none wait. */
  Optional<Duration> busyFor();

  /** A short name for messages: {@code the file watch}, {@code the Kubernetes watch}. */
  String description();

  @Override
  void close() throws IOException;
}

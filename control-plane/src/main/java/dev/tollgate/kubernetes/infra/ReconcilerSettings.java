package dev.tollgate.kubernetes.infra;

import java.time.Duration;

/**
 * How the reconciler writes.
 *
 * @param namespace the infrastructure namespace ({@link InfrastructureNamespace})
 * @param writesPerSecond applies and deletes per second on average
 * @param burst applies and deletes at once before the average holds
 * @param resync how often every object is applied again, whether or not it seems to differ
 * @param firstRetry the pause before a failed pass is retried; it doubles up to {@code lastRetry}
 */
public record ReconcilerSettings(String namespace, double writesPerSecond, int burst, Duration resync, Duration firstRetry,
    Duration lastRetry) {

  /** Server-side apply's field manager: the fields Tollgate owns in each object. */
  public static final String FIELD_MANAGER = "tollgate";

  public ReconcilerSettings {
    if (namespace == null || namespace.isEmpty()) {
      throw new IllegalArgumentException("the infrastructure namespace must be set");
    }
    if (writesPerSecond <= 0 || burst < 1 || resync.isNegative() || resync.isZero() || firstRetry.isNegative()
        || firstRetry.compareTo(lastRetry) > 0) {
      throw new IllegalArgumentException("writesPerSecond and resync must be positive, burst at least 1, firstRetry at most lastRetry");
    }
  }

  /** 20 writes a second after a burst of 100 (a Gateway is some six objects); a resync every 10 minutes; retries from 1 s to 1 min. */
  public static ReconcilerSettings defaults(String namespace) {
    return new ReconcilerSettings(namespace, 20, 100, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofMinutes(1));
  }

  public ReconcilerSettings withResync(Duration d) {
    return new ReconcilerSettings(namespace, writesPerSecond, burst, d, firstRetry, lastRetry);
  }

  public ReconcilerSettings withRetries(Duration first, Duration last) {
    return new ReconcilerSettings(namespace, writesPerSecond, burst, resync, first, last);
  }

  public ReconcilerSettings withRate(double perSecond, int burstSize) {
    return new ReconcilerSettings(namespace, perSecond, burstSize, resync, firstRetry, lastRetry);
  }
}

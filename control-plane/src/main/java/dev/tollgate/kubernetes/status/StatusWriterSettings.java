package dev.tollgate.kubernetes.status;

import dev.tollgate.translator.TranslatorConfig;
import java.time.Clock;

/**
 * How statuses are written.
 *
 * @param controllerName Tollgate's controllerName: the route parents and policy ancestors it owns
 * @param writesPerSecond objects handled per second on average (each is one read and at most one write)
 * @param burst objects handled at once before the average applies
 * @param maxAttempts attempts per object when the API server fails or reports a conflict
 * @param workers objects written at once: each write is a round trip, and an API server answers many in parallel
 * @param clock the time written as a condition's lastTransitionTime when its status changes
 */
public record StatusWriterSettings(
    String controllerName, double writesPerSecond, int burst, int maxAttempts, int workers, Clock clock) {

  public StatusWriterSettings {
    if (controllerName == null || controllerName.isEmpty()) {
      throw new IllegalArgumentException("controllerName must be set");
    }
    if (writesPerSecond <= 0 || burst < 1 || maxAttempts < 1 || workers < 1) {
      throw new IllegalArgumentException("writesPerSecond must be positive, burst, maxAttempts and workers at least 1");
    }
  }

  /**
   * 100 objects a second after a burst of 1,000: a full resync of a large cluster goes out at once,
   * churn is held; 8 at once, fabric8's default concurrency being far higher.
   */
  public static StatusWriterSettings defaults(String controllerName) {
    return new StatusWriterSettings(controllerName, 100, 1000, 5, 8, Clock.systemUTC());
  }

  public static StatusWriterSettings defaults() {
    return defaults(TranslatorConfig.DEFAULT_CONTROLLER_NAME);
  }

  public StatusWriterSettings withRate(double perSecond, int burstSize) {
    return new StatusWriterSettings(controllerName, perSecond, burstSize, maxAttempts, workers, clock);
  }

  public StatusWriterSettings withClock(Clock c) {
    return new StatusWriterSettings(controllerName, writesPerSecond, burst, maxAttempts, workers, c);
  }

  public StatusWriterSettings withWorkers(int n) {
    return new StatusWriterSettings(controllerName, writesPerSecond, burst, maxAttempts, n, clock);
  }
}

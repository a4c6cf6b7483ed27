package dev.tollgate.kubernetes.status;

/**
 * A token bucket: up to {@code burst} calls at once, then {@code perSecond} on average, so a
 * burst of changes reaches the API server at a bounded rate.
 */
public final class TokenBucket {

  private final double perSecond;
  private final double burst;
  private double tokens;
  private long last;

  public TokenBucket(double perSecond, int burst) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("a token bucket needs a positive rate and a burst of at least 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
    this.last = System.nanoTime();
  }

  /** Takes one token, sleeping until there is one. */
  public synchronized void acquire() throws InterruptedException {
    refill();
    while (tokens < 1) {
      long waitNanos = (long) ((1 - tokens) / perSecond * 1e9);
      wait(Math.max(1, waitNanos / 1_000_000), (int) (waitNanos % 1_000_000));
      refill();
    }
    tokens -= 1;
  }

  private void refill() {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
    last = now;
  }
}

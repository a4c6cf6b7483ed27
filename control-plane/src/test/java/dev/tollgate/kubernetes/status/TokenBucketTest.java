package dev.tollgate.kubernetes.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  @Test
  void acquire_pastTheBurst_waitsForTheRate() throws Exception {
    TokenBucket bucket = new TokenBucket(10, 2);
    long start = System.nanoTime();
    bucket.acquire();
    bucket.acquire();
    long burst = System.nanoTime() - start;
    bucket.acquire();
    bucket.acquire();
    long total = System.nanoTime() - start;
    // Two more tokens at 10 a second take at least ~200 ms; the burst itself does not wait.
    assertThat(total / 1_000_000).isGreaterThanOrEqualTo(180);
    assertThat(burst / 1_000_000).isLessThan(100);
  }

  @Test
  void new_withoutRateOrBurst_isRefused() {
    assertThatThrownBy(() -> new TokenBucket(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}

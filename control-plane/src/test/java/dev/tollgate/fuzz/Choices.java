package dev.tollgate.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.Random;

/** Where a mutator's decisions come from: a seeded random source, or a coverage-guided fuzzer's data. */
interface Choices {

  /** A number in {@code [0, bound)}. */
  int below(int bound);

  default boolean coin() {
    return below(2) == 0;
  }

  static Choices seeded(long seed) {
    Random random = new Random(seed);
    return random::nextInt;
  }

  static Choices of(FuzzedDataProvider data) {
    return bound -> bound <= 1 ? 0 : data.consumeInt(0, bound - 1);
  }
}

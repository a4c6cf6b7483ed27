package dev.tollgate.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Durations of the phases of each measured operation, printed as percentiles at the end of a trial. */
final class PhaseTimes {

  private final Map<String, List<Long>> nanos = new LinkedHashMap<>();
  private boolean measuring;

  void measuring(boolean on) {
    measuring = on;
  }

  void add(String phase, long durationNanos) {
    if (measuring) {
      nanos.computeIfAbsent(phase, p -> new ArrayList<>()).add(durationNanos);
    }
  }

  void print(String title) {
    StringBuilder out = new StringBuilder("\n" + title + "\n");
    nanos.forEach((phase, list) -> {
      long[] sorted = list.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(sorted);
      out.append(String.format("  %-24s n=%-6d p50=%8.2f ms  p99=%8.2f ms  max=%8.2f ms%n", phase, sorted.length,
          at(sorted, 0.50), at(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6));
    });
    System.out.print(out);
  }

  private static double at(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }
}

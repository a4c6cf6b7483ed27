package dev.tollgate.review.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Collects one {@link FilterStep}: the readings of each filter type fill it in. */
final class StepBuilder {
  final String name;
  final String type;
  boolean runs;
  String reason;
  final List<String> details = new ArrayList<>();
  Protection protection;
  Boolean failClosed;
  FilterStep.Decision decision;
  final TreeSet<String> from = new TreeSet<>();

  StepBuilder(String name, String type, boolean runs, String reason) {
    this.name = name;
    this.type = type;
    this.runs = runs;
    this.reason = reason;
  }

  StepBuilder detail(String d) {
    details.add(d);
    return this;
  }

  StepBuilder protects(Protection p, boolean closed) {
    protection = p;
    failClosed = closed;
    return this;
  }

  /** Does not run after all: the filter's own per-route settings turn it off. */
  StepBuilder off(String why) {
    runs = false;
    reason = why;
    protection = null;
    failClosed = null;
    decision = null;
    return this;
  }

  FilterStep build() {
    return new FilterStep(name, type, runs, reason, List.copyOf(details), runs ? protection : null,
        runs ? failClosed : null, runs ? decision : null, List.copyOf(from));
  }
}

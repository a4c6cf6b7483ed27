package dev.tollgate.translator.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects the violations of one resource; its label is only built when there is one. */
public final class ViolationSink {

  private final Supplier<String> resource;
  private final List<Violation> violations;
  private String label;

  public ViolationSink(Supplier<String> resource, List<Violation> violations) {
    this.resource = resource;
    this.violations = violations;
  }

  public ViolationSink(String resource) {
    this(() -> resource, new ArrayList<>());
  }

  public void add(Location at, String message) {
    violations.add(new Violation(resource(), at.resolve().toString(), message));
  }

  /** How many violations have been recorded so far (by every sink sharing the list). */
  public int count() {
    return violations.size();
  }

  public String resource() {
    if (label == null) {
      label = resource.get();
    }
    return label;
  }

  public List<Violation> violations() {
    return violations;
  }
}

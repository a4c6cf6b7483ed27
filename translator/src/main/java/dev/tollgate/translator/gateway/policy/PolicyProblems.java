package dev.tollgate.translator.gateway.policy;

import java.util.ArrayList;
import java.util.List;

/** Everything wrong with one policy, each prefixed by its field, so one status tells all. */
public final class PolicyProblems {

  private static final int MAX_LISTED = 10;
  private final List<String> problems = new ArrayList<>();

  public void add(String field, String message) {
    problems.add(field + ": " + message);
  }

  /** Each problem as {@code field: message}, in order. */
  public List<String> all() {
    return List.copyOf(problems);
  }

  /** Adds a problem already prefixed by its field. */
  public void add(String fieldAndMessage) {
    problems.add(fieldAndMessage);
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public int size() {
    return problems.size();
  }

  /** The problems joined, or null when there are none. */
  public String message() {
    if (problems.isEmpty()) {
      return null;
    }
    List<String> shown = problems.stream().distinct().toList();
    String joined = String.join("; ", shown.subList(0, Math.min(MAX_LISTED, shown.size())));
    return shown.size() > MAX_LISTED ? joined + "; and " + (shown.size() - MAX_LISTED) + " more" : joined;
  }
}

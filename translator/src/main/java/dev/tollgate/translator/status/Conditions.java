package dev.tollgate.translator.status;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the conditions of one status: each type appears once, the last {@code set} wins, and
 * the list keeps the order in which types were first set.
 */
public final class Conditions {

  private final Long observedGeneration;
  private final String transitionTime;
  private final List<Condition> conditions = new ArrayList<>();

  public Conditions(Long observedGeneration, String transitionTime) {
    this.observedGeneration = observedGeneration == null || observedGeneration == 0 ? null : observedGeneration;
    this.transitionTime = transitionTime;
  }

  public Conditions set(String type, boolean status, String reason, String message) {
    Condition c = new Condition(type, status ? "True" : "False", observedGeneration, transitionTime, reason, message);
    for (int i = 0; i < conditions.size(); i++) {
      if (conditions.get(i).type().equals(type)) {
        conditions.set(i, c);
        return this;
      }
    }
    conditions.add(c);
    return this;
  }

  /** Sets the condition only when the type is not set yet: the first failure reported wins. */
  public Conditions setIfAbsent(String type, boolean status, String reason, String message) {
    if (get(type) == null) {
      set(type, status, reason, message);
    }
    return this;
  }

  /** Puts the given types first, in this order; others follow as they were. */
  public Conditions orderBy(String... types) {
    List<String> order = List.of(types);
    conditions.sort(java.util.Comparator.comparingInt(c -> {
      int i = order.indexOf(c.type());
      return i < 0 ? order.size() : i;
    }));
    return this;
  }

  public Condition get(String type) {
    for (Condition c : conditions) {
      if (c.type().equals(type)) {
        return c;
      }
    }
    return null;
  }

  public boolean isTrue(String type) {
    Condition c = get(type);
    return c != null && c.isTrue();
  }

  public boolean isFalse(String type) {
    Condition c = get(type);
    return c != null && !c.isTrue();
  }

  public List<Condition> list() {
    return List.copyOf(conditions);
  }
}

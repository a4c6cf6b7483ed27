package dev.tollgate.translator.gateway.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What went wrong while translating a route, and how much of it that takes down.
 *
 * <ul>
 *   <li>An invalid value inside a rule drops that rule only: the Gateway API asks for the other
 *       rules to keep working and for {@code PartiallyInvalid=True}; the dropped rule's matches
 *       answer 500 so its traffic cannot fall through to a less specific route. When every rule is
 *       dropped the route is not accepted.
 *   <li>A problem of the route as a whole (it was refused when read) rejects it; its matches still
 *       answer 500 wherever it attaches.
 *   <li>An invalid hostname rejects the route and it is placed nowhere, since where its traffic
 *       goes cannot be known.
 *   <li>An unresolvable reference only affects its rule (ResolvedRefs=False, with the first
 *       problem's reason).
 * </ul>
 *
 * Messages list every problem, each prefixed by its field.
 */
public final class RouteProblems {

  /** Beyond this many, a message says how many more there are. */
  private static final int MAX_LISTED = 10;

  private final List<String> ruleNames;
  private final List<String> route = new ArrayList<>();
  private final Map<Integer, List<String>> rules = new TreeMap<>();
  private final List<String> unresolved = new ArrayList<>();
  private boolean placeable = true;
  private boolean refsChecked = true;
  private int currentRule = -1;
  private int count;
  private String refReason;

  /** @param ruleNames the name of each rule (null for an unnamed rule), by index */
  public RouteProblems(List<String> ruleNames) {
    this.ruleNames = ruleNames;
  }

  /** Problems reported from now on belong to rule {@code index}. */
  void inRule(int index) {
    currentRule = index;
  }

  /** The value at {@code field} cannot be honoured: its rule is dropped (or the route, outside a rule). */
  public void invalid(String field, String message) {
    count++;
    String line = field + ": " + message;
    if (currentRule < 0) {
      route.add(line);
    } else {
      rules.computeIfAbsent(currentRule, i -> new ArrayList<>()).add(line);
    }
  }

  /** A hostname that cannot be read or honoured: the route is rejected and placed nowhere. */
  void invalidHostname(String field, String message) {
    placeable = false;
    count++;
    route.add(field + ": " + message);
  }

  /** The route as a whole cannot be honoured (it was refused when read); its readable matches still answer 500. */
  void rejected(String message) {
    refsChecked = false;
    count++;
    route.add(message);
  }

  public void unresolved(String field, String reason, String message) {
    if (refReason == null) {
      refReason = reason;
    }
    unresolved.add(field + ": " + message);
  }

  /** How many invalid values have been reported so far, to tell whether one step added any. */
  int count() {
    return count;
  }

  boolean ruleDropped(int index) {
    return rules.containsKey(index);
  }

  /** Whether the route as a whole cannot be accepted: a route-level problem, or every rule dropped. */
  public boolean isInvalid() {
    return !route.isEmpty() || (!ruleNames.isEmpty() && rules.size() == ruleNames.size());
  }

  /** Whether the route's traffic can be placed on the listeners it attaches to (as 500s when invalid). */
  public boolean placeable() {
    return placeable;
  }

  /** All invalid values, joined, and what becomes of the route's requests; null when there are none. */
  public String invalid() {
    List<String> all = new ArrayList<>(route);
    rules.values().forEach(all::addAll);
    String joined = join(all);
    // Every rule dropped: say so, as a partial drop does. A refused route's message says it already.
    return joined != null && route.isEmpty() ? joined + "; requests the route matches answer 500" : joined;
  }

  /**
   * The message of {@code PartiallyInvalid}, which the specification says starts with "Dropped
   * Rule"; null when no rule was dropped or the whole route is rejected.
   */
  public String droppedRules() {
    if (rules.isEmpty() || isInvalid()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    rules.forEach((index, lines) -> {
      String name = ruleNames.get(index);
      names.add(name == null ? String.valueOf(index) : index + " (" + name + ")");
      problems.addAll(lines);
    });
    boolean one = names.size() == 1;
    return (one ? "Dropped Rule " : "Dropped Rules ") + String.join(", ", names) + ": " + join(problems)
        + (one ? "; requests it matches answer 500" : "; requests they match answer 500");
  }

  /** Whether references were checked at all: not for a route refused when read. */
  public boolean refsChecked() {
    return refsChecked;
  }

  public String refReason() {
    return refReason;
  }

  public String refMessage() {
    return join(unresolved);
  }

  private static String join(List<String> messages) {
    if (messages.isEmpty()) {
      return null;
    }
    List<String> shown = messages.stream().distinct().toList();
    String joined = String.join("; ", shown.subList(0, Math.min(MAX_LISTED, shown.size())));
    return shown.size() > MAX_LISTED ? joined + "; and " + (shown.size() - MAX_LISTED) + " more" : joined;
  }
}

package dev.tollgate.translator.gateway.route;

import java.util.ArrayList;
import java.util.List;

/**
 * What went wrong while translating a route's rules. An unsupported or invalid value rejects the
 * whole route (Accepted=False, UnsupportedValue); an unresolvable reference only affects its rule
 * (ResolvedRefs=False, with the first problem's reason). Messages list every problem, each
 * prefixed by its field.
 */
public final class RouteProblems {

  /** Beyond this many, a message says how many more there are. */
  private static final int MAX_LISTED = 10;

  private final List<String> invalid = new ArrayList<>();
  private final List<String> unresolved = new ArrayList<>();
  private String refReason;

  /** The route cannot be accepted. */
  public void invalid(String field, String message) {
    invalid.add(field + ": " + message);
  }

  public void unresolved(String field, String reason, String message) {
    if (refReason == null) {
      refReason = reason;
    }
    unresolved.add(field + ": " + message);
  }

  public boolean isInvalid() {
    return !invalid.isEmpty();
  }

  /** All invalid values, joined; null when there are none. */
  public String invalid() {
    return join(invalid);
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

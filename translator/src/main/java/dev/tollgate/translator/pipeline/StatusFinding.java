package dev.tollgate.translator.pipeline;

import dev.tollgate.translator.model.ObjectKey;

/**
 * A condition that says an object, or part of it, is not in effect: a False Accepted,
 * ResolvedRefs or Programmed, or a True Conflicted.
 *
 * @param object the object whose status holds it
 * @param where which part of the status ({@code listener http}, {@code parent Gateway default/eg}), or empty
 */
public record StatusFinding(ObjectKey object, String where, String type, String status, String reason, String message) {

  /** {@code HTTPRoute default/x (parent Gateway default/eg): ResolvedRefs=False BackendNotFound: ...}. */
  @Override
  public String toString() {
    return object + (where.isEmpty() ? "" : " (" + where + ")") + ": " + type + "=" + status + " " + reason + ": " + message;
  }
}

package dev.tollgate.kubernetes.infra;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a live object still holds everything Tollgate applied: every field of the applied tree
 * is in the live one with the same value (lists item by item, of the same length). Fields others
 * add — the API server's defaults, other controllers' annotations, status — do not count, so a
 * difference means someone changed a field Tollgate manages. Hand-written: no library compares
 * Kubernetes objects this way.
 */
final class Containment {

  private Containment() {}

  /** Compares all but status and the server's bookkeeping in metadata; labels and annotations do count. */
  static boolean holds(Map<String, Object> applied, Map<String, Object> live) {
    if (live == null) {
      return false;
    }
    for (Map.Entry<String, Object> e : applied.entrySet()) {
      if (e.getKey().equals("status")) {
        continue;
      }
      if (e.getKey().equals("metadata") && e.getValue() instanceof Map<?, ?> meta) {
        if (!(live.get("metadata") instanceof Map<?, ?> liveMeta)
            || !contained(meta.get("labels"), liveMeta.get("labels"))
            || !contained(meta.get("annotations"), liveMeta.get("annotations"))) {
          return false;
        }
        continue;
      }
      if (!contained(e.getValue(), live.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean contained(Object want, Object have) {
    if (want == null) {
      return true;
    }
    if (want instanceof Map<?, ?> w) {
      if (!(have instanceof Map<?, ?> h)) {
        return w.isEmpty() && have == null;
      }
      for (Map.Entry<?, ?> e : w.entrySet()) {
        if (!contained(e.getValue(), h.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (want instanceof List<?> w) {
      if (!(have instanceof List<?> h)) {
        return w.isEmpty() && have == null;
      }
      if (w.size() != h.size()) {
        return false;
      }
      for (int i = 0; i < w.size(); i++) {
        if (!contained(w.get(i), h.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (want instanceof Number a && have instanceof Number b) {
      return a.doubleValue() == b.doubleValue();
    }
    return Objects.equals(want, have);
  }
}

package dev.tollgate.kubernetes.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.status.ObjectStatus;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The latest status wanted for each object and the objects whose status may need a write.
 * Offering statuses replaces the older ones, so a burst of translations leaves one pending write
 * per changed object; an object is queued again only when what is wanted for it changes.
 */
final class PendingStatuses {

  private final Map<ObjectKey, StatusTarget> latest = new HashMap<>();
  private final LinkedHashSet<ObjectKey> dirty = new LinkedHashSet<>();
  /** GatewayClasses and Gateways Tollgate had statuses for: the EnvoyProxy ancestors it owns. */
  private final Set<JsonNode> ourParents = new HashSet<>();
  /** The objects being written now: a worker never takes one another holds. */
  private final Set<ObjectKey> writing = new HashSet<>();
  private boolean active;
  private boolean closed;

  /** One unit of work: the object and what is wanted for it when it was taken. */
  record Work(ObjectKey key, StatusTarget target) {}

  synchronized void offer(List<ObjectStatus> statuses) {
    Set<ObjectKey> seen = new HashSet<>();
    for (ObjectStatus s : statuses) {
      ObjectKey key = s.key();
      seen.add(key);
      StatusTarget target = new StatusTarget(s, true);
      if (!target.equals(latest.get(key))) {
        latest.put(key, target);
        dirty.add(key);
      }
      if (s.kind().equals("GatewayClass") || s.kind().equals("Gateway")) {
        ourParents.add(parentRef(s));
      }
    }
    for (Map.Entry<ObjectKey, StatusTarget> e : latest.entrySet()) {
      if (!seen.contains(e.getKey()) && e.getValue().present()) {
        e.setValue(new StatusTarget(e.getValue().status(), false));
        dirty.add(e.getKey());
      }
    }
    notifyAll();
  }

  /** Objects holding entries of Tollgate's that no translation wants: their removal is queued unless it is already. */
  synchronized void offerStrays(List<ObjectStatus> strays) {
    for (ObjectStatus s : strays) {
      if (!latest.containsKey(s.key())) {
        latest.put(s.key(), new StatusTarget(s, false));
        dirty.add(s.key());
      }
    }
    notifyAll();
  }

  /** The objects a status is wanted for now. */
  synchronized Set<ObjectKey> wanted() {
    Set<ObjectKey> out = new HashSet<>();
    latest.forEach((k, t) -> {
      if (t.present()) {
        out.add(k);
      }
    });
    return out;
  }

  /** Everything wanted is compared with the cluster again, e.g. after another replica led. */
  synchronized void setActive(boolean on) {
    if (on && !active) {
      dirty.addAll(latest.keySet());
    }
    active = on;
    notifyAll();
  }

  synchronized boolean active() {
    return active;
  }

  /**
   * The next object to write that no other worker is writing, waiting while there is none or this
   * replica does not write; null once closed.
   */
  synchronized Work take() throws InterruptedException {
    while (true) {
      if (closed) {
        return null;
      }
      if (active) {
        for (Iterator<ObjectKey> it = dirty.iterator(); it.hasNext(); ) {
          ObjectKey key = it.next();
          if (writing.add(key)) {
            it.remove();
            return new Work(key, latest.get(key));
          }
        }
      }
      wait();
    }
  }

  /** The work is done; a removal that is still current is forgotten. */
  synchronized void done(Work work) {
    writing.remove(work.key());
    if (!work.target().present() && work.target().equals(latest.get(work.key())) && !dirty.contains(work.key())) {
      latest.remove(work.key());
    }
    notifyAll();
  }

  /** Queues the object again (a failed write), unless something newer already is. */
  synchronized void retry(Work work) {
    if (work.target().equals(latest.get(work.key()))) {
      dirty.add(work.key());
    }
    notifyAll();
  }

  synchronized Set<JsonNode> ourParents() {
    return Set.copyOf(ourParents);
  }

  /** Waits until nothing is queued or being written (or this replica does not write). */
  synchronized boolean awaitIdle(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (!closed && (!writing.isEmpty() || active && !dirty.isEmpty())) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }

  private static JsonNode parentRef(ObjectStatus s) {
    var ref = dev.tollgate.translator.json.Mappers.json().createObjectNode();
    ref.put("group", "gateway.networking.k8s.io").put("kind", s.kind());
    if (s.namespace() != null && !s.namespace().isEmpty()) {
      ref.put("namespace", s.namespace());
    }
    ref.put("name", s.name());
    return StatusMerge.ref(ref);
  }
}

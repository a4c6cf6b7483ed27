package dev.tollgate.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The problems that hold now, spoken of once: each is logged when it appears and, with
 * {@code resolved: } in front, when it no longer holds; not again while it goes on holding, however
 * many translations see it. A problem is known by its text, which names what it is about.
 */
public final class ProblemLog {

  public enum Level {
    ERROR,
    WARN
  }

  /**
   * One problem.
   *
   * @param cause logged with the problem when it appears (a stack trace), or null
   */
  public record Entry(String text, Level level, Throwable cause) {
    public static Entry error(String text) {
      return new Entry(text, Level.ERROR, null);
    }

    public static Entry warn(String text) {
      return new Entry(text, Level.WARN, null);
    }
  }

  private final Logger log;
  private Map<String, Entry> current = new LinkedHashMap<>();

  public ProblemLog(Logger log) {
    this.log = log;
  }

  /** The problems that hold now, in the order given: those new are logged, those gone are logged as resolved. */
  public synchronized void update(List<Entry> now) {
    Map<String, Entry> next = new LinkedHashMap<>();
    for (Entry e : now) {
      next.putIfAbsent(e.text(), e);
    }
    for (Entry e : next.values()) {
      if (!current.containsKey(e.text())) {
        appeared(e);
      }
    }
    for (String gone : current.keySet()) {
      if (!next.containsKey(gone)) {
        log.info("resolved: {}", gone);
      }
    }
    current = next;
  }

  private void appeared(Entry e) {
    if (e.level() == Level.ERROR) {
      if (e.cause() == null) {
        log.error("{}", e.text());
      } else {
        log.error(e.text(), e.cause());
      }
    } else if (e.cause() == null) {
      log.warn("{}", e.text());
    } else {
      log.warn(e.text(), e.cause());
    }
  }

  /** The problems that hold now, in the order they were last given. */
  public synchronized List<String> current() {
    return List.copyOf(current.keySet());
  }

  /** The problems that hold now, with their levels. */
  public synchronized List<Entry> entries() {
    return List.copyOf(current.values());
  }
}

package dev.tollgate.serve.snapshot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which version a NACK rejects. A state-of-the-world NACK carries the version the proxy still
 * has, not the one it refused, so a cache comparing versions would send the refused
 * configuration straight back, again and again. The ADS stream's callbacks record each response's
 * nonce and version and, when a request NACKs one, hand its version to the cache, which then
 * answers only with something newer. Callbacks and watch creation run on the request's thread,
 * one after the other, which is what the hand-over relies on.
 */
public final class NackedVersions {

  private record Sent(String nonce, String version) {}

  private final Map<String, Sent> lastSent = new ConcurrentHashMap<>();
  private final ThreadLocal<String> rejected = new ThreadLocal<>();

  public void sent(long streamId, String typeUrl, String nonce, String version) {
    lastSent.put(streamId + " " + typeUrl, new Sent(nonce, version));
  }

  /** A request NACKs the response with this nonce: remember its version for the watch about to be made. */
  public void nacked(long streamId, String typeUrl, String nonce) {
    Sent sent = lastSent.get(streamId + " " + typeUrl);
    if (sent != null && sent.nonce().equals(nonce)) {
      rejected.set(sent.version());
    }
  }

  /** The version the current request rejects, once; null when it rejects none. */
  String takeRejected() {
    String version = rejected.get();
    rejected.remove();
    return version;
  }

  public void streamClosed(long streamId) {
    lastSent.keySet().removeIf(k -> k.startsWith(streamId + " "));
  }
}

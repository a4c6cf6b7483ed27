package dev.tollgate.serve.xds.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Proved identities by token, until each one's expiry, at most {@code capacity} of them (least
 * recently used go first), so reconnecting proxies do not cost a TokenReview each time. Tokens
 * are kept only as SHA-256 digests.
 */
final class IdentityCache {

  private final int capacity;
  private final Map<String, ProxyIdentity> entries;

  IdentityCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ProxyIdentity> eldest) {
        return size() > IdentityCache.this.capacity;
      }
    };
  }

  synchronized Optional<ProxyIdentity> get(String token, Instant now) {
    String key = digest(token);
    ProxyIdentity identity = entries.get(key);
    if (identity != null && !now.isBefore(identity.expires())) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.ofNullable(identity);
  }

  synchronized void put(String token, ProxyIdentity identity) {
    entries.put(digest(token), identity);
  }

  synchronized int size() {
    return entries.size();
  }

  private static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}

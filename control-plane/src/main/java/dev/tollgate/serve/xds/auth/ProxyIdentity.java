package dev.tollgate.serve.xds.auth;

import java.time.Instant;

/**
 * What a proxy proved: its pod, and the Gateway ({@code namespace/name}) that pod serves.
 *
 * @param expires when the proof stops counting (the token's expiry, at most the cache's limit)
 */
public record ProxyIdentity(String podNamespace, String podName, String gateway, Instant expires) {

  String pod() {
    return podNamespace + "/" + podName;
  }
}

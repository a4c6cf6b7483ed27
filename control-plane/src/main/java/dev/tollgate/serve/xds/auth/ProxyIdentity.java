package dev.tollgate.serve.xds.auth;

import java.time.Instant;

/**
 * What a proxy proved: who it is, and the Gateway ({@code namespace/name}) it serves.
 *
 * @param proxy the proof's subject, for messages: {@code pod NS/NAME} or {@code certificate SERIAL}
 * @param expires when the proof stops counting (the token's expiry, at most the cache's limit; the certificate's)
 */
public record ProxyIdentity(String proxy, String gateway, Instant expires) {}

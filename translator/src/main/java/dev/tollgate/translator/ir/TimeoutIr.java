package dev.tollgate.translator.ir;

/**
 * Route timeouts in milliseconds; null means not set, 0 means disabled.
 *
 * @param requestMillis the whole request, retries included
 * @param backendRequestMillis each attempt to a backend
 */
public record TimeoutIr(Long requestMillis, Long backendRequestMillis) {}

package dev.tollgate.translator.ir;

/** Rewrites the request before forwarding. Null fields leave that part unchanged. */
public record UrlRewriteIr(String hostname, String fullPath, PrefixRewriteIr prefixRewrite) {}

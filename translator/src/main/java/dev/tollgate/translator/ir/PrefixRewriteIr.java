package dev.tollgate.translator.ir;

/** Replaces the path prefix {@code prefix} (as matched) with {@code replacement}. */
public record PrefixRewriteIr(String prefix, String replacement) {}

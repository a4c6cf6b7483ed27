package dev.tollgate.translator.ir;

/** A header or query parameter match: the exact value, or an RE2 expression over it. */
public record StringMatchIr(String name, boolean regex, String value) {}

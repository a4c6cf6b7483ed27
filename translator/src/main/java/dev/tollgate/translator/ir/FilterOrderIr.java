package dev.tollgate.translator.ir;

/**
 * One EnvoyProxy {@code filterOrder} entry: filters named {@code name} (or {@code name/...}) move
 * just before the first filter named {@code before}, or just after the last named {@code after}.
 */
public record FilterOrderIr(String name, String before, String after) {}

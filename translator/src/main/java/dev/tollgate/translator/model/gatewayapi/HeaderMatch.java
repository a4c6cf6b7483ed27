package dev.tollgate.translator.model.gatewayapi;

/** A header (or query parameter) match: type Exact (default) or RegularExpression. */
public record HeaderMatch(String type, String name, String value) {}

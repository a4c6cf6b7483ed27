package dev.tollgate.translator.ir;

/**
 * Copy requests to another destination, ignoring its responses.
 *
 * @param percent share of requests mirrored, 0 to 100 (fractions allowed)
 */
public record MirrorIr(DestinationIr destination, double percent) {}

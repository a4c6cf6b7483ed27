package dev.tollgate.translator.ir;

/** An upstream address. {@code ready} false means it should only get traffic as a last resort. */
public record EndpointIr(String address, int port, boolean ready) {}

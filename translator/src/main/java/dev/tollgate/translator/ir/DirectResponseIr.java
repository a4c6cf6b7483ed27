package dev.tollgate.translator.ir;

/** Answer the request from the proxy itself. */
public record DirectResponseIr(int status, String body) {}

package dev.tollgate.translator.model.gatewayapi;

/** A reference to a backend object (a Service unless group/kind say otherwise). */
public record BackendObjectReference(
    String group, String kind, String name, String namespace, Integer port) {}

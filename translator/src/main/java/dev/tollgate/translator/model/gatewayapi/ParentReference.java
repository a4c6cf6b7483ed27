package dev.tollgate.translator.model.gatewayapi;

/** A route's reference to the Gateway (and optionally listener) it wants to attach to. */
public record ParentReference(
    String group, String kind, String namespace, String name, String sectionName, Integer port) {}

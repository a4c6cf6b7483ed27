package dev.tollgate.translator.model.envoygateway;

/** A reference to a Secret; {@code namespace} unset means the referring object's. */
public record SecretReference(String group, String kind, String name, String namespace) {}

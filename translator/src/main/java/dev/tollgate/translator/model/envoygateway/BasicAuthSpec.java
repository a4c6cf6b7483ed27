package dev.tollgate.translator.model.envoygateway;

/** A SecurityPolicy's {@code basicAuth}: users and password hashes in a Secret's {@code .htpasswd}. */
public record BasicAuthSpec(SecretReference users, String forwardUsernameHeader) {}

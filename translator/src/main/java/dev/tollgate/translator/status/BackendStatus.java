package dev.tollgate.translator.status;

import java.util.List;

/** Status of an Envoy Gateway Backend: whether it is accepted. */
public record BackendStatus(List<Condition> conditions) {}

package dev.tollgate.translator.status;

import java.util.List;

/** GatewayClass status. */
public record GatewayClassStatus(List<Condition> conditions) {}

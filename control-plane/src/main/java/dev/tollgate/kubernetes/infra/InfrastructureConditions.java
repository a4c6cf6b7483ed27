package dev.tollgate.kubernetes.infra;

import dev.tollgate.infra.RenderedGateway;
import dev.tollgate.translator.status.GatewayStatus;
import dev.tollgate.translator.status.ObjectStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Gateway whose proxy infrastructure cannot be rendered is not {@code Programmed}: its condition
 * says {@code False}, reason {@code Invalid}, with the problems (the EnvoyProxy field at fault) as
 * its message, so {@code kubectl get gateway} shows what the log says. Its running proxies keep the
 * objects they have.
 */
final class InfrastructureConditions {

  static final String PROGRAMMED = "Programmed";
  static final String INVALID = "Invalid";

  private InfrastructureConditions() {}

  static List<ObjectStatus> apply(List<ObjectStatus> statuses, List<RenderedGateway> rendered) {
    Map<String, String> problems = rendered.stream().filter(r -> !r.problems().isEmpty())
        .collect(Collectors.toMap(RenderedGateway::gateway, r -> "proxy infrastructure not updated: " + String.join("; ", r.problems()),
            (a, b) -> a));
    if (problems.isEmpty()) {
      return statuses;
    }
    return statuses.stream().map(s -> {
      String problem = s.kind().equals("Gateway") ? problems.get(s.namespace() + "/" + s.name()) : null;
      if (problem == null || !(s.status() instanceof GatewayStatus g)) {
        return s;
      }
      return new ObjectStatus(s.apiVersion(), s.kind(), s.namespace(), s.name(), g.withCondition(PROGRAMMED, false, INVALID, problem));
    }).toList();
  }
}

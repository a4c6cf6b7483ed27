package dev.tollgate.translator.model.gatewayapi;

import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectMeta;
import java.util.List;

/** {@code gateway.networking.k8s.io} GRPCRoute. */
public record GrpcRoute(String apiVersion, String kind, ObjectMeta metadata, Spec spec)
    implements KubernetesObject {

  public record Spec(List<ParentReference> parentRefs, List<String> hostnames, List<Rule> rules) {
    public Spec {
      parentRefs = parentRefs == null ? List.of() : parentRefs;
      hostnames = hostnames == null ? List.of() : hostnames;
      rules = rules == null ? List.of() : rules;
    }
  }

  public record Rule(
      String name, List<Match> matches, List<HttpRouteFilter> filters, List<BackendRef> backendRefs) {
    public Rule {
      matches = matches == null ? List.of() : matches;
      filters = filters == null ? List.of() : filters;
      backendRefs = backendRefs == null ? List.of() : backendRefs;
    }
  }

  public record Match(MethodMatch method, List<HeaderMatch> headers) {
    public Match {
      headers = headers == null ? List.of() : headers;
    }
  }

  public record MethodMatch(String type, String service, String method) {}
}

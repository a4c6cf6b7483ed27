package dev.tollgate.translator.model.gatewayapi;

import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectMeta;
import java.util.List;

/** {@code gateway.networking.k8s.io} HTTPRoute. */
public record HttpRoute(String apiVersion, String kind, ObjectMeta metadata, Spec spec)
    implements KubernetesObject {

  public record Spec(List<ParentReference> parentRefs, List<String> hostnames, List<Rule> rules) {
    public Spec {
      parentRefs = parentRefs == null ? List.of() : parentRefs;
      hostnames = hostnames == null ? List.of() : hostnames;
      rules = rules == null ? List.of() : rules;
    }
  }

  public record Rule(
      String name,
      List<Match> matches,
      List<HttpRouteFilter> filters,
      List<BackendRef> backendRefs,
      Timeouts timeouts) {
    public Rule {
      matches = matches == null ? List.of() : matches;
      filters = filters == null ? List.of() : filters;
      backendRefs = backendRefs == null ? List.of() : backendRefs;
    }
  }

  public record Match(
      PathMatch path, List<HeaderMatch> headers, List<HeaderMatch> queryParams, String method) {
    public Match {
      headers = headers == null ? List.of() : headers;
      queryParams = queryParams == null ? List.of() : queryParams;
    }
  }

  public record PathMatch(String type, String value) {}

  public record Timeouts(String request, String backendRequest) {}
}

package dev.tollgate.review.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.review.routes.Endpoints;
import dev.tollgate.review.routes.FilterStep;
import java.util.List;

/**
 * What Envoy does with one request under a Gateway's configuration, step by step; null parts were
 * not reached. The JSON form of {@code explain -o json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"gateway", "request", "listener", "path", "virtualHost", "routesTried", "route", "filters", "action", "outcome", "from"})
public record Explanation(String gateway, String request, ListenerStep listener, PathStep path, HostStep virtualHost,
    List<Tried> routesTried, RouteStep route, List<FilterStep> filters, Action action, String outcome, List<String> from) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ListenerStep(String name, String address, String filterChain, String connectionManager, String routeConfiguration) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PathStep(String sent, String routed, String note) {}

  public record HostStep(String host, String name, String domain, List<String> domains) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Tried(String route, String match, boolean matched, String reason) {}

  public record RouteStep(String name, String match, List<String> from) {}

  /** {@code forward} (to weighted backends), {@code redirect} or {@code direct_response}, with what the route changes. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Action(String kind, List<String> details, List<Backend> backends) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Backend(Integer weight, Endpoints cluster) {}
}

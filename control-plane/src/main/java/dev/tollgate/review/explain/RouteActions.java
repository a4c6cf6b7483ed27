package dev.tollgate.review.explain;

import dev.tollgate.review.envoy.HttpRequest;
import dev.tollgate.review.routes.GatewayConfig;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.route.v3.DirectResponseAction;
import io.envoyproxy.envoy.config.route.v3.RedirectAction;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import java.util.ArrayList;
import java.util.List;

/** What a matched route does: forward (with its rewrites, timeout and mirrors), redirect, or answer directly. */
final class RouteActions {

  private RouteActions() {}

  static Explanation.Action of(GatewayConfig config, Route route, HttpRequest request) {
    List<String> details = new ArrayList<>();
    if (route.hasRedirect()) {
      RedirectAction r = route.getRedirect();
      details.add("redirect " + code(r.getResponseCode()) + " to " + target(r, route, request));
      return new Explanation.Action("redirect", details, List.of());
    }
    if (route.hasDirectResponse()) {
      DirectResponseAction d = route.getDirectResponse();
      String body = d.getBody().getInlineString();
      details.add("direct response " + d.getStatus() + (body.isEmpty() ? "" : " \"" + abbreviate(body) + "\""));
      return new Explanation.Action("direct_response", details, List.of());
    }
    RouteAction a = route.getRoute();
    if (!a.getPrefixRewrite().isEmpty()) {
      details.add("path prefix rewritten to " + a.getPrefixRewrite());
    }
    if (a.hasRegexRewrite()) {
      details.add("path rewritten by regex " + a.getRegexRewrite().getPattern().getRegex() + " → " + a.getRegexRewrite().getSubstitution());
    }
    if (!a.getHostRewriteLiteral().isEmpty()) {
      details.add("host rewritten to " + a.getHostRewriteLiteral());
    }
    if (a.hasTimeout()) {
      details.add("timeout " + a.getTimeout().getSeconds() + "s");
    }
    a.getRequestMirrorPoliciesList().forEach(m -> details.add("mirrored to " + m.getCluster()));
    for (HeaderValueOption h : route.getRequestHeadersToAddList()) {
      details.add("request header " + h.getHeader().getKey() + " set");
    }
    route.getRequestHeadersToRemoveList().forEach(h -> details.add("request header " + h + " removed"));
    if (a.getClusterSpecifierCase() == RouteAction.ClusterSpecifierCase.CLUSTER_HEADER) {
      details.add("cluster named by request header " + a.getClusterHeader());
    }
    return new Explanation.Action("forward", details, Explainer.backends(config, a));
  }

  static int code(RedirectAction.RedirectResponseCode c) {
    return switch (c) {
      case MOVED_PERMANENTLY -> 301;
      case FOUND -> 302;
      case SEE_OTHER -> 303;
      case TEMPORARY_REDIRECT -> 307;
      case PERMANENT_REDIRECT -> 308;
      default -> 301;
    };
  }

  private static String target(RedirectAction r, Route route, HttpRequest request) {
    String scheme = r.getHttpsRedirect() ? "https" : r.getSchemeRedirect().isEmpty() ? request.scheme() : r.getSchemeRedirect();
    String host = r.getHostRedirect().isEmpty() ? request.host() : r.getHostRedirect();
    String port = r.getPortRedirect() != 0 ? ":" + r.getPortRedirect() : "";
    String path = !r.getPathRedirect().isEmpty() ? r.getPathRedirect()
        : !r.getPrefixRewrite().isEmpty() ? rewritePrefix(route, request.path(), r.getPrefixRewrite()) : request.path();
    return scheme + "://" + host + port + path;
  }

  /** The path with the route's matched prefix replaced, as Envoy's prefix rewrite does. */
  static String rewritePrefix(Route route, String path, String replacement) {
    String matched = switch (route.getMatch().getPathSpecifierCase()) {
      case PREFIX -> route.getMatch().getPrefix();
      case PATH_SEPARATED_PREFIX -> route.getMatch().getPathSeparatedPrefix();
      case PATH -> route.getMatch().getPath();
      default -> "";
    };
    return path.length() >= matched.length() ? replacement + path.substring(matched.length()) : path;
  }

  private static String abbreviate(String s) {
    String one = s.replace("\n", "\\n");
    return one.length() <= 60 ? one : one.substring(0, 57) + "...";
  }
}

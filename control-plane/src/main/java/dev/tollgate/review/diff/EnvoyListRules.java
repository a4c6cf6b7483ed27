package dev.tollgate.review.diff;

import java.util.Map;
import java.util.Set;

/**
 * Which lists of Envoy's configuration are ordered: routes within a virtual host and filters
 * within a chain run first to last, so their order is compared; virtual hosts (chosen by domain),
 * filter chains (by their match), weighted clusters, endpoints and localities, domain and header
 * sets, RBAC's policies' alternatives are sets. Everything else is compared by position.
 */
final class EnvoyListRules {

  private EnvoyListRules() {}

  private static final Set<String> ORDERED_BY_NAME = Set.of("routes", "http_filters", "filters", "listener_filters");
  private static final Set<String> UNORDERED_BY_NAME = Set.of("virtual_hosts", "filter_chains", "clusters");
  private static final Set<String> SETS = Set.of("lb_endpoints", "endpoints", "domains", "request_headers_to_remove",
      "response_headers_to_remove", "patterns", "server_names", "audiences", "allow_origin_string_match", "principals",
      "permissions", "ids", "claim_to_headers", "credentials", "expose_headers", "allowed_headers");

  /** The rules for Kubernetes objects and their statuses: conditions by type, parents by reference. */
  private static final Map<String, TreeDiff.ListRule> OBJECTS = Map.of(
      "conditions", TreeDiff.ListRule.keyed("type", false),
      "parents", TreeDiff.ListRule.keyed("parentRef", false),
      "ancestors", TreeDiff.ListRule.keyed("ancestorRef", false),
      "listeners", TreeDiff.ListRule.keyed("name", false));

  static TreeDiff.ListRule envoy(String field) {
    if (ORDERED_BY_NAME.contains(field)) {
      return TreeDiff.ListRule.keyed("name", true);
    }
    if (UNORDERED_BY_NAME.contains(field)) {
      return TreeDiff.ListRule.keyed("name", false);
    }
    return SETS.contains(field) ? TreeDiff.ListRule.SET : TreeDiff.ListRule.POSITIONAL;
  }

  static TreeDiff.ListRule objects(String field) {
    return OBJECTS.getOrDefault(field, TreeDiff.ListRule.POSITIONAL);
  }
}

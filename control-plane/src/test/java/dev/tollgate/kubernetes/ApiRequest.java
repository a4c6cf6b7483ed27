package dev.tollgate.kubernetes;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One Kubernetes API request as RBAC authorizes it: the API group, the resource (with its
 * subresource, as {@code gateways/status}), the verb and the namespace (null for a cluster-scoped
 * object or a request across every namespace). Parsed by hand after the API server's own request
 * info resolver (k8s.io/apiserver), which has no Java counterpart.
 */
public record ApiRequest(String group, String resource, String verb, String namespace) {

  /** {@code METHOD path?query}; empty for a path outside the resource API (discovery, /version). */
  public static Optional<ApiRequest> parse(String request) {
    String[] methodAndTarget = request.split(" ", 2);
    URI uri = URI.create(methodAndTarget[1]);
    List<String> parts = Arrays.stream(uri.getPath().split("/")).filter(p -> !p.isEmpty()).toList();
    int at;
    String group;
    if (parts.size() >= 3 && parts.get(0).equals("api")) {
      group = "";
      at = 2;
    } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
      group = parts.get(1);
      at = 3;
    } else {
      return Optional.empty();
    }
    List<String> rest = parts.subList(at, parts.size());
    String namespace = null;
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    String resource = rest.get(0) + (rest.size() >= 3 ? "/" + rest.get(2) : "");
    boolean named = rest.size() >= 2;
    if (resource.equals("namespaces") && named) {
      namespace = rest.get(1); // a Namespace is authorized in itself
    }
    String query = uri.getQuery() == null ? "" : uri.getQuery();
    String verb = switch (methodAndTarget[0]) {
      case "GET" -> named ? "get" : query.matches("(.*&)?watch=(true|1)(&.*)?") ? "watch" : "list";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> named ? "delete" : "deletecollection";
      default -> throw new IllegalArgumentException("no verb for " + request);
    };
    return Optional.of(new ApiRequest(group, resource, verb, namespace));
  }

  @Override
  public String toString() {
    return verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource + " in " + (namespace == null ? "the cluster" : namespace);
  }
}

package dev.tollgate.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.deploy.TollgateChart;
import java.util.ArrayList;
import java.util.List;

/**
 * The RBAC rules a rendering of the chart grants Tollgate's ServiceAccount: a ClusterRole's rules
 * everywhere, a Role's in its namespace, each only when a binding names the ServiceAccount. A
 * rule's resourceNames are kept but not matched: the requests by name are list and watch with a
 * name's field selector, which RBAC matches against them.
 */
record ChartRbac(List<Grant> grants) {

  /** One rule's (group, resource, verb) in a namespace (null: everywhere), optionally narrowed to names. */
  record Grant(String group, String resource, String verb, String namespace, List<String> resourceNames) {

    boolean allows(ApiRequest r) {
      return group.equals(r.group()) && resource.equals(r.resource()) && verb.equals(r.verb())
          && (namespace == null || namespace.equals(r.namespace()));
    }
  }

  static ChartRbac of(String rendering, String serviceAccount, String saNamespace) {
    List<ObjectNode> docs = TollgateChart.documents(rendering);
    List<Grant> grants = new ArrayList<>();
    for (String bindingKind : List.of("ClusterRoleBinding", "RoleBinding")) {
      for (ObjectNode binding : TollgateChart.ofKind(docs, bindingKind)) {
        if (!bindsServiceAccount(binding, serviceAccount, saNamespace)) {
          continue;
        }
        String bindingNamespace = bindingKind.equals("RoleBinding") ? binding.path("metadata").path("namespace").asText() : null;
        String roleKind = binding.path("roleRef").path("kind").asText();
        String roleName = binding.path("roleRef").path("name").asText();
        for (ObjectNode role : TollgateChart.ofKind(docs, roleKind)) {
          boolean same = role.path("metadata").path("name").asText().equals(roleName)
              && (roleKind.equals("ClusterRole") || role.path("metadata").path("namespace").asText().equals(bindingNamespace));
          if (same) {
            addRules(grants, role.path("rules"), bindingNamespace);
          }
        }
      }
    }
    return new ChartRbac(List.copyOf(grants));
  }

  private static boolean bindsServiceAccount(JsonNode binding, String name, String namespace) {
    for (JsonNode s : binding.path("subjects")) {
      if (s.path("kind").asText().equals("ServiceAccount") && s.path("name").asText().equals(name)
          && s.path("namespace").asText().equals(namespace)) {
        return true;
      }
    }
    return false;
  }

  private static void addRules(List<Grant> grants, JsonNode rules, String namespace) {
    for (JsonNode rule : rules) {
      List<String> names = new ArrayList<>();
      rule.path("resourceNames").forEach(n -> names.add(n.asText()));
      for (JsonNode group : rule.path("apiGroups")) {
        for (JsonNode resource : rule.path("resources")) {
          for (JsonNode verb : rule.path("verbs")) {
            grants.add(new Grant(group.asText(), resource.asText(), verb.asText(), namespace, List.copyOf(names)));
          }
        }
      }
    }
  }

  boolean allows(ApiRequest request) {
    return grants.stream().anyMatch(g -> g.allows(request));
  }
}

package dev.tollgate.kubernetes.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.status.PolicyStatus;
import dev.tollgate.translator.status.RouteStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrayStatusesTest {

  private static LiveObjects.Cached object(String kind, String name, Map<String, Object> status) {
    GenericKubernetesResource o = new GenericKubernetesResourceBuilder().withNewMetadata().withName(name)
        .withNamespace("default").endMetadata().build();
    if (status != null) {
      o.getAdditionalProperties().put("status", status);
    }
    return new LiveObjects.Cached(kind.equals("HTTPRoute") ? "gateway.networking.k8s.io/v1" : "gateway.envoyproxy.io/v1alpha1",
        kind, o);
  }

  private static Map<String, Object> entries(String field, String controller) {
    return Map.of(field, List.of(Map.of("controllerName", controller, "conditions", List.of())));
  }

  @Test
  void onlyObjectsWithAnEntryOfOursThatNoTranslationWants_areStray() {
    var found = StrayStatuses.find(List.of(
        object("HTTPRoute", "ours-unwanted", entries("parents", Statuses.OURS)),
        object("HTTPRoute", "ours-wanted", entries("parents", Statuses.OURS)),
        object("HTTPRoute", "theirs", entries("parents", "example.com/other")),
        object("HTTPRoute", "no-status", null),
        object("SecurityPolicy", "policy", entries("ancestors", Statuses.OURS))),
        Statuses.OURS, Set.of(new ObjectKey("HTTPRoute", "default", "ours-wanted")));
    assertThat(found).extracting(s -> s.kind() + " " + s.name()).containsExactly("HTTPRoute ours-unwanted", "SecurityPolicy policy");
    assertThat(found.get(0).status()).isEqualTo(new RouteStatus(List.of()));
    assertThat(found.get(1).status()).isEqualTo(new PolicyStatus(List.of()));
    assertThat(found.get(1).apiVersion()).isEqualTo("gateway.envoyproxy.io/v1alpha1");
  }
}

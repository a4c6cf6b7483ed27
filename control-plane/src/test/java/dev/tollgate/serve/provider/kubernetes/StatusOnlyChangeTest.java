package dev.tollgate.serve.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusOnlyChangeTest {

  private static GenericKubernetesResource route(String rv, Map<String, Object> spec, Map<String, Object> status,
      Map<String, String> labels, String manager) {
    GenericKubernetesResource r = new GenericKubernetesResourceBuilder().withApiVersion("gateway.networking.k8s.io/v1")
        .withKind("HTTPRoute").withNewMetadata().withName("app").withNamespace("default").withResourceVersion(rv)
        .withGeneration(1L).withLabels(labels).withManagedFields(new ManagedFieldsEntryBuilder().withManager(manager).build())
        .endMetadata().build();
    r.getAdditionalProperties().put("spec", spec);
    if (status != null) {
      r.getAdditionalProperties().put("status", status);
    }
    return r;
  }

  private static final Map<String, Object> SPEC = Map.of("parentRefs", List.of(Map.of("name", "eg")));

  @Test
  void aNewStatus_withNewVersionAndManager_isAStatusOnlyChange() {
    assertThat(StatusOnlyChange.between(route("1", SPEC, null, Map.of(), "kubectl"),
        route("2", SPEC, Map.of("parents", List.of()), Map.of(), "tollgate"))).isTrue();
  }

  @Test
  void aChangedSpecOrLabel_isNot() {
    assertThat(StatusOnlyChange.between(route("1", SPEC, null, Map.of(), "kubectl"),
        route("2", Map.of("parentRefs", List.of(Map.of("name", "other"))), null, Map.of(), "kubectl"))).isFalse();
    assertThat(StatusOnlyChange.between(route("1", SPEC, null, Map.of(), "kubectl"),
        route("2", SPEC, null, Map.of("team", "a"), "kubectl"))).isFalse();
  }
}

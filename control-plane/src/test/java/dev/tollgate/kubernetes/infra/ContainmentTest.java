package dev.tollgate.kubernetes.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainmentTest {

  private static final Map<String, Object> APPLIED = Map.of(
      "metadata", Map.of("name", "envoy", "labels", Map.of("a", "1")),
      "spec", Map.of("replicas", 2, "template", Map.of("containers", List.of(Map.of("name", "envoy", "image", "envoy:1")))));

  @Test
  void liveWithDefaultsAndOthersFields_holdsWhatWasApplied() {
    Map<String, Object> live = Map.of(
        "metadata", Map.of("name", "envoy", "resourceVersion", "7", "labels", Map.of("a", "1", "b", "2"),
            "annotations", Map.of("deployment.kubernetes.io/revision", "3")),
        "spec", Map.of("replicas", 2L, "progressDeadlineSeconds", 600, "template", Map.of("containers",
            List.of(Map.of("name", "envoy", "image", "envoy:1", "terminationMessagePath", "/dev/termination-log")))),
        "status", Map.of("availableReplicas", 2));

    assertThat(Containment.holds(APPLIED, live)).isTrue();
  }

  @Test
  void aChangedManagedField_orAnExtraListItem_orALabelRemoved_doesNotHold() {
    Map<String, Object> edited = Map.of("metadata", Map.of("name", "envoy", "labels", Map.of("a", "1")),
        "spec", Map.of("replicas", 2, "template", Map.of("containers", List.of(Map.of("name", "envoy", "image", "envoy:2")))));
    Map<String, Object> extra = Map.of("metadata", Map.of("name", "envoy", "labels", Map.of("a", "1")),
        "spec", Map.of("replicas", 2, "template", Map.of("containers",
            List.of(Map.of("name", "envoy", "image", "envoy:1"), Map.of("name", "debug", "image", "busybox")))));
    Map<String, Object> unlabelled = Map.of("metadata", Map.of("name", "envoy"),
        "spec", Map.of("replicas", 2, "template", Map.of("containers", List.of(Map.of("name", "envoy", "image", "envoy:1")))));

    assertThat(Containment.holds(APPLIED, edited)).isFalse();
    assertThat(Containment.holds(APPLIED, extra)).isFalse();
    assertThat(Containment.holds(APPLIED, unlabelled)).isFalse();
    assertThat(Containment.holds(APPLIED, null)).isFalse();
  }
}

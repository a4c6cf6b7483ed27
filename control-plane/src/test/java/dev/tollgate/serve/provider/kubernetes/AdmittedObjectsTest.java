package dev.tollgate.serve.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.input.InputProblem;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.input.TakenDocuments;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Objects from the cluster are admitted as documents, once per resourceVersion. */
class AdmittedObjectsTest {

  private static final WatchedKind ROUTES = new WatchedKind("gateway.networking.k8s.io", "HTTPRoute", "v1", "httproutes", true);

  private static GenericKubernetesResource route(String uid, String resourceVersion, Map<String, Object> spec) {
    return new GenericKubernetesResourceBuilder().withNewMetadata().withName("app").withNamespace("default").withUid(uid)
        .withResourceVersion(resourceVersion).endMetadata().addToAdditionalProperties("spec", spec).build();
  }

  @Test
  void anObjectWhoseResourceVersionIsUnchanged_isNotAdmittedAgain_andAChangedOneIs() {
    AdmittedObjects admitted = new AdmittedObjects();
    ManifestReader reader = new ManifestReader();
    TakenDocuments first = admitted.take(reader, ROUTES, route("u1", "7", Map.of("parentRefs", List.of(Map.of("name", "eg")))));
    admitted.readingDone();
    assertThat(admitted.take(reader, ROUTES, route("u1", "7", Map.of()))).as("resourceVersion 7 again").isSameAs(first);
    admitted.readingDone();
    assertThat(admitted.take(reader, ROUTES, route("u1", "8", Map.of()))).as("resourceVersion 8").isNotSameAs(first);
  }

  @Test
  void anObjectAbsentFromAReading_isForgotten() {
    AdmittedObjects admitted = new AdmittedObjects();
    ManifestReader reader = new ManifestReader();
    TakenDocuments first = admitted.take(reader, ROUTES, route("u1", "7", Map.of()));
    admitted.readingDone();
    admitted.readingDone(); // deleted: not taken in this reading
    assertThat(admitted.take(reader, ROUTES, route("u1", "7", Map.of()))).isNotSameAs(first);
  }

  @Test
  void anObject_isAdmittedUnderTheKindItWasWatchedAs_andNamedInProblems() {
    AdmittedObjects admitted = new AdmittedObjects();
    ManifestReader reader = new ManifestReader();
    reader.add(admitted.take(reader, ROUTES, route("u1", "7", Map.of("bogus", true))));
    assertThat(reader.problems()).extracting(InputProblem::toString)
        .containsExactly("error: kubernetes: HTTPRoute default/app: HTTPRoute default/app: spec.bogus: unknown field");
  }
}

package dev.tollgate.benchmarks;

import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectKey;
import java.util.HashMap;
import java.util.Map;

/**
 * Inputs after a change, as the providers hand them over: the changed objects are read anew and
 * every other object is the very instance it was (the file provider parses only changed files,
 * the Kubernetes provider admits an object once per resourceVersion).
 */
final class ChangedInputs {

  private ChangedInputs() {}

  /** The input with the objects of {@code changedYaml} in place of those with their keys. */
  static ResourceSet replacing(ResourceSet input, String changedYaml) throws Exception {
    ManifestReader reader = new ManifestReader().readString("changed.yaml", changedYaml);
    if (!reader.problems().isEmpty()) {
      throw new IllegalStateException(reader.problems().toString());
    }
    Map<ObjectKey, KubernetesObject> changed = new HashMap<>();
    reader.resources().everything().forEach(o -> changed.put(o.key(), o));
    ResourceSet.Builder b = ResourceSet.builder();
    for (KubernetesObject o : input.everything()) {
      b.add(changed.getOrDefault(o.key(), o), input.sourceOf(o.key()).orElseThrow());
    }
    return b.build();
  }

  /** The one document of {@code yaml} that contains {@code marker}. */
  static String document(String yaml, String marker) {
    for (String doc : yaml.split("(?m)^---\\n")) {
      if (doc.contains(marker)) {
        return doc;
      }
    }
    throw new IllegalArgumentException("no document contains " + marker);
  }
}

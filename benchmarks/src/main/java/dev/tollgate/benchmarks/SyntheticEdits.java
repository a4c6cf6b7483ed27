package dev.tollgate.benchmarks;

import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.input.UnreadableInputException;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectKey;

/**
 * One-object edits of the synthetic input, made without reading the whole input again: the edited
 * document alone is read (and admitted), then it replaces its object in a copy of the set. Reading
 * 10,000 routes takes seconds, an edit milliseconds, so a benchmark can make a new change per
 * operation.
 */
final class SyntheticEdits {

  private final String manifests;
  private final ResourceSet base;

  SyntheticEdits(String manifests) throws UnreadableInputException {
    this.manifests = manifests;
    this.base = read("synthetic.yaml", manifests);
  }

  ResourceSet base() {
    return base;
  }

  /** The input with route-{@code r}'s hostname renamed, or back as generated. */
  ResourceSet hostname(ResourceSet from, int route, boolean renamed) throws UnreadableInputException {
    String doc = document("metadata: {name: route-" + route + ", namespace: bench}");
    if (renamed) {
      doc = doc.replace("hostnames: [host-" + route + ".example.com]", "hostnames: [renamed-" + route + ".example.com]");
    }
    return replace(from, doc);
  }

  /** The input with the first endpoint of Service svc-{@code s} moved to another address, or back. */
  ResourceSet endpoint(ResourceSet from, int service, boolean moved) throws UnreadableInputException {
    String doc = document("  name: svc-" + service + "-1\n");
    if (moved) {
      String first = "10." + service / 250 + '.' + service % 250 + ".1]";
      doc = doc.replace(first, "10." + service / 250 + '.' + service % 250 + ".201]");
    }
    return replace(from, doc);
  }

  private String document(String marker) {
    int at = manifests.indexOf(marker);
    if (at < 0) {
      throw new IllegalArgumentException("no document holds " + marker);
    }
    int start = manifests.lastIndexOf("---\n", at);
    int end = manifests.indexOf("---\n", at);
    return manifests.substring(start, end < 0 ? manifests.length() : end);
  }

  private static ResourceSet replace(ResourceSet from, String document) throws UnreadableInputException {
    KubernetesObject edited = read("edit.yaml", document).everything().get(0);
    ObjectKey key = edited.key();
    ResourceSet.Builder b = ResourceSet.builder();
    b.add(edited, from.sourceOf(key).orElseThrow());
    for (KubernetesObject o : from.everything()) {
      if (!o.key().equals(key)) {
        b.add(o, from.sourceOf(o.key()).orElseThrow());
      }
    }
    return b.build();
  }

  static ResourceSet read(String name, String manifests) throws UnreadableInputException {
    ManifestReader reader = new ManifestReader().readString(name, manifests);
    if (!reader.problems().isEmpty()) {
      throw new IllegalStateException(reader.problems().toString());
    }
    return reader.resources();
  }
}

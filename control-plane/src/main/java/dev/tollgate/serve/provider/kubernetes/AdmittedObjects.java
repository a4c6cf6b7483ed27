package dev.tollgate.serve.provider.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.input.TakenDocuments;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.HashMap;
import java.util.Map;

/**
 * Objects from the cluster, taken in as a manifest's documents are (the same admission, the same
 * messages, each naming the object as {@code kubernetes: HTTPRoute default/app}), and once per
 * {@code resourceVersion}: while an object does not change, neither does what it contributes.
 */
final class AdmittedObjects {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Admitted(String resourceVersion, TakenDocuments taken) {}

  /** By uid (or by source name, for an object without one). */
  private Map<String, Admitted> admitted = new HashMap<>();
  private Map<String, Admitted> next = new HashMap<>();

  /** How objects are named in messages. */
  static String sourceName(WatchedKind kind, GenericKubernetesResource object) {
    ObjectMeta meta = object.getMetadata();
    String name = meta == null || meta.getName() == null ? "" : meta.getName();
    String namespace = meta == null || meta.getNamespace() == null ? "" : meta.getNamespace();
    return "kubernetes: " + kind.kind() + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }

  /** What the object contributes, admitted anew only when its resourceVersion changed since the last reading. */
  TakenDocuments take(ManifestReader reader, WatchedKind kind, GenericKubernetesResource object) {
    String source = sourceName(kind, object);
    ObjectMeta meta = object.getMetadata();
    String uid = meta == null || meta.getUid() == null || meta.getUid().isEmpty() ? source : meta.getUid();
    String version = meta == null || meta.getResourceVersion() == null ? "" : meta.getResourceVersion();
    Admitted previous = admitted.get(uid);
    Admitted now = previous != null && !version.isEmpty() && previous.resourceVersion().equals(version)
        ? previous : new Admitted(version, reader.takeObject(source, document(kind, object)));
    next.put(uid, now);
    return now.taken();
  }

  /** Ends a reading: objects not taken in during it are gone, and forgotten. */
  void readingDone() {
    admitted = next;
    next = new HashMap<>();
  }

  /**
   * The object as the JSON document a manifest would hold, under the apiVersion and kind it was
   * watched as (list items need not carry them), without the server's field-ownership records.
   */
  private static ObjectNode document(WatchedKind kind, GenericKubernetesResource object) {
    ObjectNode doc = JSON.valueToTree(object);
    doc.put("apiVersion", kind.apiVersion());
    doc.put("kind", kind.kind());
    if (doc.get("metadata") instanceof ObjectNode metadata) {
      metadata.remove("managedFields");
    }
    return doc;
  }
}

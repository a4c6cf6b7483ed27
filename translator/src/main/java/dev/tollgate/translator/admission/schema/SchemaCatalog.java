package dev.tollgate.translator.admission.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.translator.json.JsonPatches;
import dev.tollgate.translator.json.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas Tollgate checks objects against, shipped as resources: the published CRDs of the
 * Gateway API and of Envoy Gateway, unchanged, with Tollgate's own additions as JSON patches
 * beside them ({@code overlays/}), and Tollgate's schemas for the core kinds Kubernetes publishes
 * no CRD for. Every kind's {@code metadata} is ObjectMeta's schema. A kind's file is read the
 * first time an object of that kind is checked.
 */
public final class SchemaCatalog {

  private static final String DIR = "/dev/tollgate/translator/admission/schemas/";
  private static final SchemaCatalog SHARED = new SchemaCatalog();

  private final Map<String, Map<String, JsonNode>> byFile = new ConcurrentHashMap<>();
  private final Map<String, KindSchema> compiled = new ConcurrentHashMap<>();
  private volatile JsonNode objectMeta;

  /** One catalog per process: schemas are immutable and costly to load. */
  public static SchemaCatalog shared() {
    return SHARED;
  }

  /** The schema of a kind's version, when Tollgate ships one. */
  public Optional<KindSchema> schema(String group, String plural, String version) {
    String file = (group.isEmpty() ? "core" : group) + "_" + plural;
    JsonNode schema = byFile.computeIfAbsent(file, this::load).get(version);
    // Each version is compiled when first asked for: most inputs use one version of a kind.
    return schema == null ? Optional.empty() : Optional.of(compiled.computeIfAbsent(file + "/" + version, k -> new KindSchema(schema)));
  }

  /** Every version's {@code openAPIV3Schema}, with ObjectMeta's schema as its metadata. */
  private Map<String, JsonNode> load(String file) {
    JsonNode crd = read(file + ".yaml");
    if (crd == null) {
      return Map.of();
    }
    JsonNode overlay = read("overlays/" + file + ".json");
    if (overlay != null) {
      crd = JsonPatches.apply(overlay, crd);
    }
    Map<String, JsonNode> versions = new ConcurrentHashMap<>();
    boolean statusIsInput = dev.tollgate.translator.input.Kinds.find(crd.path("spec").path("group").asText(),
        crd.path("spec").path("names").path("kind").asText()).map(dev.tollgate.translator.input.Kind::statusIsInput).orElse(false);
    for (JsonNode v : crd.path("spec").path("versions")) {
      JsonNode schema = v.path("schema").path("openAPIV3Schema").deepCopy();
      if (schema instanceof ObjectNode root) {
        ObjectNode properties = root.with("properties");
        properties.set("metadata", objectMeta().deepCopy());
        if (!statusIsInput) {
          properties.remove("status"); // readers drop it: a status is the controller's to write
        }
        versions.put(v.path("name").asText(), root);
      }
    }
    return Map.copyOf(versions);
  }

  private JsonNode objectMeta() {
    if (objectMeta == null) {
      JsonNode doc = read("core_objectmeta.yaml");
      if (doc == null) {
        throw new IllegalStateException("the ObjectMeta schema is missing from the classpath");
      }
      objectMeta = doc.path("openAPIV3Schema");
    }
    return objectMeta;
  }

  private static JsonNode read(String resource) {
    try (InputStream in = SchemaCatalog.class.getResourceAsStream(DIR + resource)) {
      if (in == null) {
        return null;
      }
      return resource.endsWith(".json") ? Mappers.json().readTree(in) : Mappers.yaml().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schema " + resource, e);
    }
  }
}

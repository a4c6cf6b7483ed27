package dev.tollgate.translator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.tollgate.translator.input.Kind;
import dev.tollgate.translator.input.Kinds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tollgate's own schemas for the core kinds (Service, EndpointSlice, Secret, ConfigMap, Namespace)
 * and for ObjectMeta: valid objects pass, broken ones fail, and every CEL rule compiles.
 *
 * <p>The schemas are checked the way Tollgate will use them: every object schema that lists
 * properties is closed (a field not listed is an error, as with {@code kubectl apply
 * --validate=strict}) and ObjectMeta is spliced in as each kind's {@code metadata}.
 */
class CoreSchemasTest {

  private static final String DIR = "/dev/tollgate/translator/admission/schemas/";
  private static final String OBJECT_META = "core_objectmeta.yaml";

  /** Kind to its schema file and the apiVersion the kind is read at. */
  private static final Map<String, String> FILES = Map.of(
      "Service", "core_services.yaml",
      "EndpointSlice", "discovery.k8s.io_endpointslices.yaml",
      "Secret", "core_secrets.yaml",
      "ConfigMap", "core_configmaps.yaml",
      "Namespace", "core_namespaces.yaml");

  private static final Map<String, String> API_VERSIONS = Map.of(
      "Service", "v1",
      "EndpointSlice", "discovery.k8s.io/v1",
      "Secret", "v1",
      "ConfigMap", "v1",
      "Namespace", "v1");

  private static final ObjectMapper YAML = new YAMLMapper();

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      Dialects.getOpenApi30(),
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private static final Map<String, Schema> SCHEMAS = new HashMap<>();

  /** Kubernetes-only CEL functions (IP, CIDR and format libraries) the plain CEL compiler lacks. */
  private static final Pattern KUBERNETES_ONLY = Pattern.compile("\\b(isIP|ip|isCIDR|cidr)\\s*\\(|\\bformat\\.");

  // --- Valid objects -------------------------------------------------------------------------

  /** Every ObjectMeta field, as a server would return it and as tools write it back. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.tollgate.translator.admission.CoreSchemaObjects#valid")
  void validObject_passes(String description, String yaml) throws IOException {
    assertThat(validate(YAML.readTree(yaml))).isEmpty();
  }

  /** The same objects through every check Tollgate makes, the CEL rules with Kubernetes' libraries included. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.tollgate.translator.admission.CoreSchemaObjects#valid")
  void validObject_isAdmitted(String description, String yaml) throws IOException {
    ObjectNode object = (ObjectNode) YAML.readTree(yaml);
    object.remove("status");
    String apiVersion = object.path("apiVersion").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    Kind kind = Kinds.find(group, object.path("kind").asText())
        .orElseThrow();
    assertThat(Admission.standard().admit(kind, "v1", object).errors()).as(description).isEmpty();
  }

  static Stream<Arguments> repositoryDocuments() throws IOException {
    Path root = Path.of(System.getProperty("tollgate.testdata")).getParent();
    List<Arguments> out = new ArrayList<>();
    for (String dir : List.of("testdata", "deploy")) {
      try (Stream<Path> files = Files.walk(root.resolve(dir))) {
        // A chart's templates are Go templates, not manifests; what they render is under deploy/manifests.
        for (Path file : files.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/templates/"))
            .sorted().toList()) {
          String text = Files.readString(file);
          if (!Pattern.compile("(?m)^\\s*kind:\\s*(Service|EndpointSlice|Secret|ConfigMap|Namespace)\\s*$").matcher(text).find()) {
            continue;
          }
          int index = 0;
          for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll()) {
            for (JsonNode object : coreObjects(doc)) {
              out.add(Arguments.of(root.relativize(file) + " (document " + index + ") "
                  + object.path("kind").asText() + " " + object.path("metadata").path("name").asText(), object));
            }
            index++;
          }
        }
      }
    }
    assertThat(out).as("core-kind documents in testdata and deploy").isNotEmpty();
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repositoryDocuments")
  void repositoryDocument_passes(String where, JsonNode object) {
    assertThat(validate(object)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.tollgate.translator.admission.CoreSchemaObjects#broken")
  void brokenObject_fails(String description, String keyword, String location, String yaml) throws IOException {
    List<Error> errors = validate(YAML.readTree(yaml));
    assertThat(errors).as(description).isNotEmpty();
    assertThat(errors).as(description + ": " + errors)
        .anySatisfy(e -> {
          assertThat(e.getKeyword()).isEqualTo(keyword);
          assertThat(e.getInstanceLocation().toString()).isEqualTo(location);
        });
  }

  // --- Shape of the files and their rules ------------------------------------------------------

  @Test
  void everyKindFile_hasTheShapeOfACrd() {
    FILES.forEach((kind, file) -> {
      JsonNode crd = load(file);
      assertThat(crd.path("apiVersion").asText()).as(file).isEqualTo("apiextensions.k8s.io/v1");
      assertThat(crd.path("kind").asText()).as(file).isEqualTo("CustomResourceDefinition");
      JsonNode spec = crd.path("spec");
      String apiVersion = API_VERSIONS.get(kind);
      String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      assertThat(spec.path("group").isTextual()).as(file + " spec.group").isTrue();
      assertThat(spec.path("group").asText()).as(file).isEqualTo(group);
      assertThat(spec.path("names").path("kind").asText()).as(file).isEqualTo(kind);
      assertThat(spec.path("names").path("plural").asText()).as(file).isEqualTo(kind.toLowerCase() + "s");
      assertThat(spec.path("scope").asText()).as(file).isEqualTo(kind.equals("Namespace") ? "Cluster" : "Namespaced");
      assertThat(spec.path("versions")).as(file).hasSize(1);
      assertThat(spec.path("versions").get(0).path("name").asText()).as(file).isEqualTo("v1");
      JsonNode schema = openApiSchema(crd);
      assertThat(schema.path("properties").path("metadata")).as(file + " metadata")
          .isEqualTo(YAML.createObjectNode().put("type", "object"));
    });
  }

  @Test
  void listMapKeys_areRequiredOrDefaulted() {
    for (String file : allFiles()) {
      walk(load(file), "", (path, node) -> {
        if (!"map".equals(node.path("x-kubernetes-list-type").asText())) {
          return;
        }
        JsonNode item = node.path("items");
        for (JsonNode key : node.path("x-kubernetes-list-map-keys")) {
          boolean required = false;
          for (JsonNode r : item.path("required")) {
            required |= r.asText().equals(key.asText());
          }
          boolean defaulted = item.path("properties").path(key.asText()).has("default");
          assertThat(required || defaulted).as(file + " " + path + " key " + key.asText()).isTrue();
        }
      });
    }
  }

  /**
   * Every rule has a message and compiles. Rules calling Kubernetes-only functions (isIP, ip, isCIDR,
   * format) are skipped: the plain CEL compiler does not know those libraries.
   */
  @Test
  void celRules_compile() {
    Cel cel = CelFactory.standardCelBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("self", SimpleType.DYN)
        .addCompilerLibraries(CelExtensions.strings())
        .build();
    int compiled = 0;
    int skipped = 0;
    for (String file : allFiles()) {
      List<String[]> rules = new ArrayList<>();
      walk(load(file), "", (path, node) -> {
        for (JsonNode v : node.path("x-kubernetes-validations")) {
          rules.add(new String[] {path, v.path("rule").asText(), v.path("message").asText()});
        }
      });
      for (String[] r : rules) {
        String where = file + " " + r[0] + ": " + r[1];
        assertThat(r[1]).as(where).isNotBlank();
        assertThat(r[2]).as(where + " message").isNotBlank();
        if (KUBERNETES_ONLY.matcher(r[1]).find()) {
          skipped++;
          continue;
        }
        CelValidationResult result = cel.compile(r[1]);
        assertThat(result.hasError()).as(where + "\n" + result.getErrorString()).isFalse();
        compiled++;
      }
    }
    assertThat(compiled).isGreaterThan(40);
    assertThat(skipped).isEqualTo(6);
  }

  // --- Helpers -----------------------------------------------------------------------------

  private static List<String> allFiles() {
    List<String> files = new ArrayList<>(FILES.values());
    files.add(OBJECT_META);
    return files;
  }

  private static List<Error> validate(JsonNode object) {
    String kind = object.path("kind").asText();
    assertThat(FILES).as("kind " + kind).containsKey(kind);
    assertThat(object.path("apiVersion").asText()).as("apiVersion of " + kind).isEqualTo(API_VERSIONS.get(kind));
    Schema schema;
    synchronized (SCHEMAS) {
      schema = SCHEMAS.computeIfAbsent(kind, k -> REGISTRY.getSchema(checkedSchema(FILES.get(k))));
    }
    return schema.validate(object);
  }

  /** The kind's schema as Tollgate checks against it: ObjectMeta spliced in, every object closed. */
  private static JsonNode checkedSchema(String file) {
    ObjectNode schema = openApiSchema(load(file)).deepCopy();
    ((ObjectNode) schema.path("properties")).set("metadata", load(OBJECT_META).path("openAPIV3Schema").deepCopy());
    close(schema);
    return schema;
  }

  /** Adds additionalProperties: false to every object schema that lists properties and keeps no others. */
  private static void close(JsonNode node) {
    if (node.isArray()) {
      node.forEach(CoreSchemasTest::close);
      return;
    }
    if (!node.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) node;
    if (object.has("properties")
        && !object.has("additionalProperties")
        && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      object.put("additionalProperties", false);
    }
    object.path("properties").forEach(CoreSchemasTest::close);
    for (String key : List.of("items", "additionalProperties", "anyOf", "allOf", "oneOf", "not")) {
      if (object.has(key)) {
        close(object.get(key));
      }
    }
  }

  private static JsonNode openApiSchema(JsonNode crd) {
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (version.path("name").asText().equals("v1")) {
        return version.path("schema").path("openAPIV3Schema");
      }
    }
    throw new AssertionError("no v1 schema in " + crd.path("metadata").path("name").asText());
  }

  private static JsonNode load(String file) {
    try (InputStream in = CoreSchemasTest.class.getResourceAsStream(DIR + file)) {
      assertThat(in).as(file).isNotNull();
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Core-kind objects in a document, with the items of a v1 List unpacked. */
  private static List<JsonNode> coreObjects(JsonNode doc) {
    List<JsonNode> out = new ArrayList<>();
    if (doc == null || !doc.isObject()) {
      return out;
    }
    if (doc.path("kind").asText().equals("List")) {
      doc.path("items").forEach(item -> out.addAll(coreObjects(item)));
      return out;
    }
    String kind = doc.path("kind").asText();
    if (FILES.containsKey(kind) && API_VERSIONS.get(kind).equals(doc.path("apiVersion").asText())) {
      out.add(doc);
    }
    return out;
  }

  private interface Visitor {
    void visit(String path, JsonNode node);
  }

  /** Visits every object node under {@code node}, with its path in the document. */
  private static void walk(JsonNode node, String path, Visitor visitor) {
    if (node.isObject()) {
      visitor.visit(path, node);
      node.properties().forEach(e -> walk(e.getValue(), path + "/" + e.getKey(), visitor));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "/" + i, visitor);
      }
    }
  }
}

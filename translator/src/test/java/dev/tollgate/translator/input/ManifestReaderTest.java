package dev.tollgate.translator.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.translator.model.gatewayapi.HttpRoute;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

  private static final String ROUTE = """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: r}
      spec:
        parentRefs: [{name: eg}]
      """;

  @Test
  void read_objectWithoutNamespace_isPlacedInDefault() throws Exception {
    var reader = new ManifestReader().readString("a.yaml", ROUTE);
    assertThat(reader.resources().httpRoutes()).singleElement()
        .satisfies(r -> assertThat(r.metadata().namespace()).isEqualTo("default"));
    assertThat(reader.problems()).isEmpty();
  }

  @Test
  void read_wrongFieldType_namesFileDocumentAndField() throws Exception {
    String yaml = ROUTE + "---\n" + """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: g, namespace: ns}
        spec:
          gatewayClassName: eg
          listeners:
            - {name: http, protocol: HTTP, port: "80"}
        """;
    var reader = new ManifestReader().readString("gw.yaml", yaml);
    assertThat(reader.problems()).first().satisfies(p -> {
      assertThat(p.severity()).isEqualTo(InputProblem.Severity.ERROR);
      assertThat(p.source()).isEqualTo(new Source("gw.yaml", 1));
      assertThat(p.field()).isEqualTo("spec.listeners[0].port");
      assertThat(p.toString()).isEqualTo(
          "error: gw.yaml (document 1): Gateway ns/g: spec.listeners[0].port: Invalid value: \"string\": must be of type integer");
    });
    assertThat(reader.resources().httpRoutes()).hasSize(1);
    assertThat(reader.resources().gateways()).isEmpty();
  }

  @Test
  void read_unknownKindTwice_isReportedOnce() throws Exception {
    String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n";
    var reader = new ManifestReader().readString("x.yaml", deployment + "---\n" + deployment);
    assertThat(reader.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("Deployment").contains("not read"));
  }

  @Test
  void read_unknownSpecField_isAnErrorAndTheObjectIsRefused() throws Exception {
    var reader = new ManifestReader().readString("x.yaml", ROUTE + "  surprise: 1\n");
    assertThat(reader.problems()).singleElement().satisfies(p -> {
      assertThat(p.severity()).isEqualTo(InputProblem.Severity.ERROR);
      assertThat(p.field()).isEqualTo("spec.surprise");
      assertThat(p.message()).isEqualTo("unknown field");
    });
    assertThat(reader.resources().httpRoutes()).isEmpty();
  }

  @Test
  void read_fieldOfTheSchemaTollgateDoesNotImplement_isAWarningAndTheObjectIsKept() throws Exception {
    var reader = new ManifestReader().readString("x.yaml", ROUTE + "  rules:\n    - sessionPersistence: {sessionName: s}\n");
    assertThat(reader.problems()).singleElement().satisfies(p -> {
      assertThat(p.severity()).isEqualTo(InputProblem.Severity.WARNING);
      assertThat(p.field()).isEqualTo("spec.rules[0].sessionPersistence");
      assertThat(p.message()).isEqualTo("not implemented by Tollgate; ignored");
    });
    assertThat(reader.resources().httpRoutes()).hasSize(1);
  }

  @Test
  void read_unknownFieldOfCoreKind_isAnError() throws Exception {
    var reader = new ManifestReader().readString("x.yaml",
        "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80, portt: 81}]\n");
    assertThat(reader.problems()).extracting(InputProblem::toString)
        .containsExactly("error: x.yaml (document 0): Service default/s: spec.ports[0].portt: unknown field");
    assertThat(reader.resources().service("default", "s")).isEmpty();
  }

  @Test
  void read_knownFieldOfCoreKind_isRead() throws Exception {
    var reader = new ManifestReader().readString("x.yaml",
        "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  sessionAffinity: None\n  ports: [{port: 80}]\n");
    assertThat(reader.problems()).isEmpty();
    assertThat(reader.resources().service("default", "s")).isPresent();
  }

  @Test
  void read_duplicateObject_keepsTheCopyFromTheEarlierSourceWhateverTheReadingOrder() throws Exception {
    String first = ROUTE.replace("eg", "first");
    String second = ROUTE.replace("eg", "second");
    var ab = new ManifestReader().readString("a.yaml", first).readString("b.yaml", second);
    var ba = new ManifestReader().readString("b.yaml", second).readString("a.yaml", first);
    for (var reader : new ManifestReader[] {ab, ba}) {
      HttpRoute kept = reader.resources().httpRoutes().get(0);
      assertThat(kept.spec().parentRefs().get(0).name()).isEqualTo("first");
      assertThat(reader.problems()).singleElement()
          .satisfies(p -> assertThat(p.source().file()).isEqualTo("b.yaml"));
    }
  }

  @Test
  void read_notYaml_isUnreadableAndNamesTheFile() {
    assertThatThrownBy(() -> new ManifestReader().readString("broken.yaml", "a: [unclosed\n"))
        .isInstanceOf(UnreadableInputException.class)
        .hasMessageStartingWith("broken.yaml (document 0): not valid YAML");
  }

  @Test
  void read_missingFile_isUnreadable(@TempDir Path dir) {
    assertThatThrownBy(() -> new ManifestReader().read(dir.resolve("nope.yaml").toString()))
        .isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("nope.yaml");
  }

  @Test
  void read_directory_readsYamlAndJsonFilesRecursivelyInNameOrder(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("b.yaml"), ROUTE.replace("name: r", "name: b"));
    Files.writeString(dir.resolve("sub/a.yml"), ROUTE.replace("name: r", "name: a"));
    Files.writeString(dir.resolve("c.json"),
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team\"}}");
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");
    var reader = new ManifestReader().read(dir.toString());
    assertThat(reader.resources().httpRoutes()).extracting(r -> r.metadata().name()).containsExactly("a", "b");
    assertThat(reader.resources().namespace("team")).isPresent();
    assertThat(reader.problems()).isEmpty();
  }

  @Test
  void read_v1List_unpacksItsItems() throws Exception {
    String list = "apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: Namespace, metadata: {name: a}}\n"
        + "  - {apiVersion: v1, kind: Namespace, metadata: {name: b}}\n";
    var reader = new ManifestReader().readString("l.yaml", list);
    assertThat(reader.resources().namespace("a")).isPresent();
    assertThat(reader.resources().namespace("b")).isPresent();
  }

  @Test
  void read_clusterScopedKindWithNamespace_dropsTheNamespace() throws Exception {
    var reader = new ManifestReader().readString("c.yaml",
        "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: eg, namespace: x}\n"
            + "spec: {controllerName: example.com/c}\n");
    assertThat(reader.resources().gatewayClass("eg")).isPresent();
  }

  @Test
  void secretToString_neverPrintsValues() throws Exception {
    var reader = new ManifestReader().readString("s.yaml",
        "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: Opaque\nstringData: {password: hunter2}\n");
    var secret = reader.resources().secret("default", "s").orElseThrow();
    assertThat(secret.toString()).doesNotContain("hunter2");
    assertThat(new String(secret.value("password").orElseThrow())).isEqualTo("hunter2");
  }

  @Test
  void parseThenAdmit_givesWhatReadGives_andLeavesTheDocumentsUnchangedForAnotherReader() throws Exception {
    String yaml = ROUTE + "---\n---\n" + ROUTE.replace("name: r}", "name: r2}").replace("spec:\n", "spec:\n  bogus: 1\n");
    var read = new ManifestReader().readString("a.yaml", yaml);
    assertThat(read.problems()).as("the unknown field").isNotEmpty();
    var documents = new ManifestReader().parse("a.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String before = documents.toString();
    var admitted = new ManifestReader().admit("a.yaml", documents);
    assertThat(admitted.resources().everything()).isEqualTo(read.resources().everything());
    assertThat(admitted.problems()).isEqualTo(read.problems());
    assertThat(documents.toString()).as("admission works on copies").isEqualTo(before);
    assertThat(new ManifestReader().admit("a.yaml", documents).problems()).isEqualTo(read.problems());
  }

  @Test
  void parse_overTheFileLimitOrNotYaml_isUnreadable() {
    var reader = new ManifestReader(dev.tollgate.translator.extension.ExtensionKinds.NONE, ReadLimits.DEFAULT.withMaxFileBytes(16));
    assertThatThrownBy(() -> reader.parse("big.yaml", ROUTE.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableInputException.class)
        .hasMessage("big.yaml: is " + ROUTE.length() + " bytes, larger than the limit of 16 bytes (--max-file-size); it was not read");
    assertThatThrownBy(() -> new ManifestReader().parse("bad.yaml", "kind: [x\n y: z".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("bad.yaml (document 0): not valid YAML");
  }
}

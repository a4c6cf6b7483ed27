package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.testing.Golden;
import dev.tollgate.translator.json.Mappers;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslateCommandTest {

  private static final Path QUICKSTART = Golden.testdata().resolve("basic/quickstart.in.yaml");
  private static final Path MIXED = Golden.testdata().resolve("mixed/good-and-bad.in.yaml");

  @Test
  void translate_quickstartAsJson_printsEnvoyGatewayNamesAndStatuses() throws Exception {
    CliRun run = CliRun.of("translate", "-f", QUICKSTART.toString(), "-o", "json");
    assertThat(run.exitCode()).isZero();
    JsonNode doc = Mappers.json().readTree(run.out());
    JsonNode gw = doc.path("xds").path("default/eg");
    JsonNode listener = gw.path("listeners").get(0);
    assertThat(listener.path("@type").asText()).isEqualTo("type.googleapis.com/envoy.config.listener.v3.Listener");
    assertThat(listener.path("name").asText()).isEqualTo("default/eg/http");
    JsonNode filters = listener.at("/default_filter_chain/filters/0/typed_config/http_filters");
    assertThat(filters.get(filters.size() - 1).path("name").asText()).isEqualTo("envoy.filters.http.router");
    JsonNode route = gw.path("routes").get(0);
    assertThat(route.path("name").asText()).isEqualTo("default/eg/http");
    assertThat(route.at("/virtual_hosts/0/name").asText()).isEqualTo("default/eg/http/www_example_com");
    assertThat(gw.at("/clusters/0/name").asText()).isEqualTo("httproute/default/backend/rule/0");
    assertThat(gw.at("/endpoints/0/endpoints/0/lb_endpoints")).hasSize(2);
    List<String> accepted = new ArrayList<>();
    doc.path("statuses").forEach(s -> s.findValues("conditions").forEach(cs -> cs.forEach(c -> {
      if (c.path("status").asText().equals("True")) {
        accepted.add(s.path("kind").asText() + "/" + c.path("type").asText());
      }
    })));
    assertThat(accepted).contains("Gateway/Accepted", "Gateway/Programmed", "HTTPRoute/Accepted", "GatewayClass/Accepted");
  }

  @Test
  void translate_sameObjectsInOtherFileOrder_printsIdenticalBytes(@TempDir Path dir) throws Exception {
    List<String> docs = new ArrayList<>(Arrays.asList(Files.readString(MIXED).split("(?m)^---\\s*$")));
    Collections.reverse(docs);
    Path a = dir.resolve("a.yaml");
    Path b = dir.resolve("b.yaml");
    Files.writeString(a, String.join("\n---\n", docs.subList(0, 3)));
    Files.writeString(b, String.join("\n---\n", docs.subList(3, docs.size())));
    CliRun original = CliRun.of("translate", "-f", MIXED.toString(), "-o", "json");
    CliRun split = CliRun.of("translate", "-f", b.toString(), "-f", a.toString(), "-o", "json");
    CliRun directory = CliRun.of("translate", "-f", dir.toString(), "-o", "json");
    assertThat(split.out()).isEqualTo(original.out());
    assertThat(directory.out()).isEqualTo(original.out());
  }

  @Test
  void translate_strictWithRejectedObject_exitsWithFour() {
    assertThat(CliRun.of("translate", "-f", MIXED.toString()).exitCode()).isZero();
    assertThat(CliRun.of("translate", "--strict", "-f", MIXED.toString()).exitCode()).isEqualTo(ExitCodes.REJECTED);
    assertThat(CliRun.of("translate", "--strict", "-f", QUICKSTART.toString()).exitCode()).isZero();
  }

  @Test
  void translate_strictWithDocumentError_exitsWithFour(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: x}]}\n");
    CliRun run = CliRun.of("translate", "--strict", "-f", f.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
    assertThat(run.err()).contains(f + " (document 0): Service default/s: spec.ports[0].port: Invalid value: \"string\": must be of type integer");
  }

  @Test
  void translate_unreadableInput_exitsWithThreeAndNamesTheFile(@TempDir Path dir) throws Exception {
    CliRun missing = CliRun.of("translate", "-f", dir.resolve("missing.yaml").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
    assertThat(missing.err()).contains("missing.yaml");
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "kind: [\n");
    CliRun notYaml = CliRun.of("translate", "-f", broken.toString());
    assertThat(notYaml.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
    assertThat(notYaml.err()).contains("broken.yaml").contains("not valid YAML");
    assertThat(notYaml.out()).isEmpty();
  }

  @Test
  void translate_withoutFile_isAUsageError() {
    CliRun run = CliRun.of("translate");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--file");
  }

  @Test
  void translate_stdin_readsManifestsFromStandardInput() throws Exception {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(Files.readAllBytes(QUICKSTART)));
      CliRun fromStdin = CliRun.of("translate", "-f", "-");
      CliRun fromFile = CliRun.of("translate", "-f", QUICKSTART.toString());
      assertThat(fromStdin.exitCode()).isZero();
      assertThat(fromStdin.out()).isEqualTo(fromFile.out());
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void translate_showSecrets_printsKeysOnlyWhenAsked() {
    Path https = Golden.testdata().resolve("https/terminate.in.yaml");
    String redacted = CliRun.of("translate", "-f", https.toString()).out();
    String shown = CliRun.of("translate", "--show-secrets", "-f", https.toString()).out();
    assertThat(redacted).contains("[redacted sha256:").doesNotContain("private_key:\n          inline_bytes");
    assertThat(shown).doesNotContain("[redacted").contains("private_key:\n          inline_bytes");
  }

  @Test
  void translate_otherControllerName_translatesOnlyThatControllersClasses(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("eg.yaml");
    Files.writeString(f, Files.readString(QUICKSTART, StandardCharsets.UTF_8)
        .replace("tollgate.dev/gatewayclass-controller", "gateway.envoyproxy.io/gatewayclass-controller"));
    assertThat(CliRun.of("translate", "-f", f.toString(), "-o", "json").out()).contains("\"xds\" : { }");
    assertThat(CliRun.of("translate", "-f", f.toString(), "-o", "json",
        "--controller-name", "gateway.envoyproxy.io/gatewayclass-controller").out()).contains("default/eg/http");
  }

  @Test
  void translate_goodAndBadObjects_rejectsTheBadWithSpecReasonsAndTranslatesTheGood() throws Exception {
    CliRun run = CliRun.of("translate", "-f", MIXED.toString(), "-o", "json");
    JsonNode doc = Mappers.json().readTree(run.out());
    assertThat(routeCondition(doc, "missing-backend", "ResolvedRefs")).isEqualTo("False/BackendNotFound");
    assertThat(routeCondition(doc, "cross-namespace", "ResolvedRefs")).isEqualTo("False/RefNotPermitted");
    assertThat(routeCondition(doc, "missing-gateway", "Accepted")).isEqualTo("False/NoMatchingParent");
    assertThat(routeCondition(doc, "good", "Accepted")).isEqualTo("True/Accepted");
    assertThat(routeCondition(doc, "good", "ResolvedRefs")).isEqualTo("True/ResolvedRefs");
    JsonNode gw = doc.path("xds").path("default/eg");
    assertThat(gw.findValuesAsText("cluster")).contains("httproute/default/good/rule/0");
    assertThat(gw.at("/endpoints/0/cluster_name").asText()).isEqualTo("httproute/default/good/rule/0");
    assertThat(gw.at("/endpoints/0/endpoints/0/lb_endpoints")).hasSize(2);
  }

  private static String routeCondition(JsonNode doc, String route, String type) {
    for (JsonNode s : doc.path("statuses")) {
      if (s.path("kind").asText().equals("HTTPRoute") && s.path("name").asText().equals(route)) {
        for (JsonNode c : s.at("/status/parents/0/conditions")) {
          if (c.path("type").asText().equals(type)) {
            return c.path("status").asText() + "/" + c.path("reason").asText();
          }
        }
      }
    }
    return "absent";
  }

  @Test
  void badExtensionConfig_exits3_namingTheFileAndField(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("extension.yaml"),
        "extensionManager:\n  hooks: {xdsTranslator: {post: [Routes]}}\n  service: {ip: {address: 127.0.0.1, port: 5005}}\n");
    CliRun run = CliRun.of("translate", "-f", Golden.testdata().resolve("basic/quickstart.in.yaml").toString(),
        "--extension-config", config.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
    assertThat(run.err()).contains(config.toString()).contains("extensionManager.hooks.xdsTranslator.post[0]").contains("\"Routes\"");
    assertThat(run.out()).isEmpty();
  }
}

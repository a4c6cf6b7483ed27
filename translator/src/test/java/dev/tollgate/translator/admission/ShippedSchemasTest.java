package dev.tollgate.translator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.tollgate.translator.admission.cel.KubernetesCel;
import dev.tollgate.translator.admission.schema.SchemaCatalog;
import dev.tollgate.translator.input.Kind;
import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.json.Mappers;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The schemas Tollgate ships cover every kind and version it reads, and every rule in them compiles. */
class ShippedSchemasTest {

  private static final String DIR = "/dev/tollgate/translator/admission/schemas/";

  @Test
  void catalog_everyKindAndVersionTollgateReads_hasASchema() {
    for (Kind kind : Kinds.ALL) {
      for (String version : kind.versions()) {
        assertThat(SchemaCatalog.shared().schema(kind.group(), kind.plural(), version))
            .as(kind.kind() + " " + version).isPresent();
      }
    }
  }

  @Test
  void rules_ofEveryShippedSchema_compileInTheKubernetesEnvironment() throws Exception {
    Cel cel = KubernetesCel.newEnvironment();
    Map<String, String> failures = new TreeMap<>();
    int rules = 0;
    for (Kind kind : Kinds.ALL) {
      String file = (kind.group().isEmpty() ? "core" : kind.group()) + "_" + kind.plural() + ".yaml";
      for (String rule : rulesIn(read(file))) {
        rules++;
        try {
          cel.compile(rule).getAst();
        } catch (Exception e) {
          failures.put(file + ": " + rule, e.getMessage());
        }
      }
    }
    for (String rule : rulesIn(read("core_objectmeta.yaml"))) {
      rules++;
      cel.compile(rule).getAst();
    }
    assertThat(failures).isEmpty();
    assertThat(rules).isGreaterThan(400);
  }

  private static JsonNode read(String file) throws Exception {
    try (InputStream in = ShippedSchemasTest.class.getResourceAsStream(DIR + file)) {
      assertThat(in).as(file).isNotNull();
      return Mappers.yaml().readTree(in);
    }
  }

  private static List<String> rulesIn(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      node.path("x-kubernetes-validations").forEach(r -> out.add(r.path("rule").asText()));
      node.forEach(child -> out.addAll(rulesIn(child)));
    } else if (node.isArray()) {
      node.forEach(child -> out.addAll(rulesIn(child)));
    }
    return out;
  }
}

package dev.tollgate.translator.golden;

import dev.tollgate.testing.Golden;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.gateway.GatewayStage;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.json.Mappers;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The gateway stage alone: every golden input's IR matches {@code <case>.ir.yaml}. */
class GatewayStageGoldenTest {

  static final String IR_SUFFIX = ".ir.yaml";

  @TestFactory
  Stream<DynamicTest> gatewayStage_goldenInput_producesGoldenIr() {
    return Golden.inputs().stream().map(input -> DynamicTest.dynamicTest(Golden.caseName(input), () -> {
      var reader = new ManifestReader().read(input.toString());
      var result = new GatewayStage(Golden.config(input)).run(reader.resources());
      String ir = Mappers.yaml().writeValueAsString(result.ir());
      Golden.check(Golden.output(input, IR_SUFFIX), ir);
    }));
  }

  @AfterAll
  static void removeOrphans() {
    Golden.removeOrphans(IR_SUFFIX);
  }

  static Path irOf(Path input) {
    return Golden.output(input, IR_SUFFIX);
  }
}

package dev.tollgate.translator.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.testing.Golden;
import dev.tollgate.translator.ir.XdsIr;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.output.TranslationDocument;
import dev.tollgate.translator.xds.XdsStage;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The xDS stage alone: the IR read back from {@code <case>.ir.yaml} gives exactly the xDS of
 * {@code <case>.out.yaml}. This also proves the IR is plain data that survives a round trip.
 * Cases whose output later stages change say {@code # golden: xds-stage=skip}.
 */
class XdsStageGoldenTest {

  @TestFactory
  Stream<DynamicTest> xdsStage_goldenIr_producesGoldenXds() {
    return Golden.inputs().stream()
        .filter(input -> !"skip".equals(Golden.options(input).get("xds-stage")))
        .filter(input -> Files.exists(Golden.output(input, ".out.yaml")))
        .map(input -> DynamicTest.dynamicTest(Golden.caseName(input), () -> {
          if (Golden.updating()) {
            return; // the outputs are being rewritten by the tests that own them
          }
          XdsIr ir = Mappers.yaml().readValue(Golden.read(GatewayStageGoldenTest.irOf(input)), XdsIr.class);
          JsonNode actual = TranslationDocument.xds(new XdsStage().translate(ir), TranslationDocument.Secrets.REDACTED);
          JsonNode expected = Mappers.yaml().readTree(Golden.read(Golden.output(input, ".out.yaml"))).get("xds");
          assertThat(TranslationDocument.toYaml(actual))
              .as("xDS from %s differs from %s; %s", GatewayStageGoldenTest.irOf(input),
                  Golden.output(input, ".out.yaml"), Golden.UPDATE_HINT)
              .isEqualTo(TranslationDocument.toYaml(expected));
        }));
  }
}

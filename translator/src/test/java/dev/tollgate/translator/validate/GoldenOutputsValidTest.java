package dev.tollgate.translator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.gateway.GatewayStage;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden case and every bundled example generates configuration Envoy accepts. Checked on
 * the xDS stage's own output, before the pipeline's validation stage could withhold anything, so
 * a translator bug shows here rather than as a quietly missing Gateway in a golden file.
 */
class GoldenOutputsValidTest {

  @TestFactory
  Stream<DynamicTest> generatedConfiguration_ofEveryGoldenCaseAndExample_hasNoViolations() throws Exception {
    Path examples = Golden.testdata().resolveSibling("deploy").resolve("examples");
    List<Path> inputs = new java.util.ArrayList<>(Golden.inputs());
    if (Files.isDirectory(examples)) {
      // Each file, or each directory of files, under deploy/examples is one example. Examples that
      // need an extension server (an extension.yaml beside them) are checked with one running, by
      // the control plane's ExtensionGoldenTest.
      try (Stream<Path> entries = Files.list(examples)) {
        entries.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".yaml"))
            .filter(p -> !Files.exists(p.resolve("extension.yaml"))).sorted().forEach(inputs::add);
      }
    }
    XdsValidator validator = new XdsValidator();
    return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
      ManifestReader reader = new ManifestReader().read(input.toString());
      if (input.startsWith(examples)) {
        assertThat(reader.problems()).as("example %s reads without problems", input).isEmpty();
      }
      var ir = new GatewayStage(Files.isDirectory(input) ? TranslatorConfig.offline() : Golden.config(input)).run(reader.resources()).ir();
      for (GatewayXds gateway : new XdsStage().translate(ir).values()) {
        assertThat(validator.validate(gateway)).as("%s, gateway %s", input, gateway.gateway()).isEmpty();
      }
    }));
  }
}

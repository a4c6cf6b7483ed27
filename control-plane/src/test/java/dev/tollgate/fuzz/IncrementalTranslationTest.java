package dev.tollgate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.app.Pipelines;
import dev.tollgate.testing.Golden;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.input.UnreadableInputException;
import dev.tollgate.translator.output.TranslationDocument;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A pipeline that reuses what it generated before gives, after every change, exactly what a new
 * pipeline gives for the same input: the printed document (statuses, problems, every resource,
 * private keys included), the representation, the objects looked up and every resource's encoding,
 * byte for byte. Each golden input is followed by a seeded series of changes in rounds of four:
 * from the original, two EndpointSlice-only changes in a row (the endpoint fast path, and a fast
 * path after a fast path), then a mutant (one to three changes of any kind, so a change after fast
 * paths), then the original again, so that both changes and their undoing are made.
 */
class IncrementalTranslationTest {

  private static final int STEPS = Integer.getInteger("tollgate.incremental.steps", 24);

  @TestFactory
  Stream<DynamicTest> afterEveryChange_theIncrementalResult_isTheFullOne() {
    return Golden.inputs().stream().map(input -> DynamicTest.dynamicTest(Golden.caseName(input), () -> run(input)));
  }

  private static void run(Path input) throws Exception {
    String original = Golden.read(input);
    List<JsonNode> documents = MutationTest.documents(original);
    TranslatorConfig config = Golden.config(input);
    Pipeline incremental = Pipelines.create(config);
    int reusedGateways = 0;
    compare(incremental, config, original, "the original");
    TranslationResult again = translate(incremental, original);
    assertThat(again.regenerated()).as("the same input again regenerates nothing").isEmpty();
    List<JsonNode> endpointsChanged = documents;
    for (int step = 0; step < STEPS; step++) {
      long seed = Golden.caseName(input).hashCode() * 7_919L + step;
      Choices choices = Choices.seeded(seed);
      String yaml = switch (step % 4) {
        case 0 -> MutationTest.yaml(endpointsChanged = new EndpointMutator(choices).mutate(documents));
        case 1 -> MutationTest.yaml(new EndpointMutator(choices).mutate(endpointsChanged));
        case 2 -> MutationTest.yaml(new InputMutator(choices).mutate(documents, 1 + choices.below(3)));
        default -> original;
      };
      TranslationResult result = compare(incremental, config, yaml, "step " + step + " (seed " + seed + ")");
      if (result != null) {
        reusedGateways += result.ir().gateways().size() - result.regenerated().size();
      }
    }
    System.out.printf("incremental %s: %d steps, %d Gateway translations reused%n", Golden.caseName(input), STEPS, reusedGateways);
  }

  /** Translates with the incremental pipeline and with a new one, and requires the same bytes. */
  private static TranslationResult compare(Pipeline incremental, TranslatorConfig config, String yaml, String what)
      throws Exception {
    TranslationResult reused;
    TranslationResult full;
    try {
      reused = translate(incremental, yaml);
      full = translate(Pipelines.create(config), yaml);
    } catch (UnreadableInputException e) {
      return null;
    }
    assertThat(document(reused)).as("%s: the document", what).isEqualTo(document(full));
    assertThat(reused.ir()).as("%s: the representation", what).isEqualTo(full.ir());
    assertThat(reused.lookups()).as("%s: the objects looked up", what).isEqualTo(full.lookups());
    assertThat(reused.gateways().keySet()).as(what).isEqualTo(full.gateways().keySet());
    for (String gateway : full.gateways().keySet()) {
      GatewayXds a = reused.gateways().get(gateway);
      GatewayXds b = full.gateways().get(gateway);
      for (XdsType type : XdsType.values()) {
        assertThat(a.encodings(type)).as("%s: %s %s encodings", what, gateway, type).isEqualTo(b.encodings(type));
      }
    }
    return reused;
  }

  private static TranslationResult translate(Pipeline pipeline, String yaml) throws UnreadableInputException {
    ManifestReader reader = new ManifestReader().readString("input.yaml", yaml);
    return pipeline.run(reader.resources(), reader.problems());
  }

  private static String document(TranslationResult result) {
    return TranslationDocument.toYaml(TranslationDocument.build(result, TranslationDocument.Secrets.SHOWN));
  }
}

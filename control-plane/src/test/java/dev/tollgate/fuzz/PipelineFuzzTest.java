package dev.tollgate.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.testing.Golden;
import dev.tollgate.translator.TranslatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Coverage-guided fuzzing of the whole pipeline with Jazzer, checked against
 * {@link PipelineProperties}. In a normal build the targets run in regression mode over their
 * corpora (the golden inputs, copied in at build time, and every input that once failed, kept in
 * src/test/resources); with {@code JAZZER_FUZZ=1} the first one is fuzzed for its maxDuration.
 */
class PipelineFuzzTest {

  /**
   * Loaded on the first input, not with the test class: Jazzer instruments classes as they load,
   * and Tollgate's classes must load after its agent to be measured.
   */
  private static final class Fixture {
    static final List<List<JsonNode>> DOCUMENTS = Golden.inputs().stream().map(PipelineFuzzTest::documents).toList();
    static final PipelineProperties PROPERTIES = new PipelineProperties(TranslatorConfig.offline());
  }

  /** Raw bytes as a manifest file: the fuzzer mutates the golden inputs' text. */
  @FuzzTest(maxDuration = "60s")
  void manifests(byte[] data) {
    Fixture.PROPERTIES.check(new String(data, StandardCharsets.UTF_8), false);
  }

  /** Structure-aware: the fuzzer's data chooses a golden input and the mutations applied to it. */
  @FuzzTest(maxDuration = "60s")
  void structured(FuzzedDataProvider data) throws IOException {
    Choices choices = Choices.of(data);
    List<JsonNode> documents = Fixture.DOCUMENTS.get(choices.below(Fixture.DOCUMENTS.size()));
    Fixture.PROPERTIES.check(MutationTest.yaml(new InputMutator(choices).mutate(documents, 1 + choices.below(4))), false);
  }

  private static List<JsonNode> documents(Path input) {
    try {
      return MutationTest.documents(Golden.read(input));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

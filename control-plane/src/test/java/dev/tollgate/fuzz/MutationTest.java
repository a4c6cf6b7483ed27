package dev.tollgate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.testing.Golden;
import dev.tollgate.translator.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Structure-aware mutations of every golden input, through the whole pipeline, checked against
 * {@link PipelineProperties}. The count per input is {@code -Dtollgate.mutations} (CI runs a few
 * dozen; BENCHMARKS.md records a run of 10,000 per input). Mutants are seeded by case and index,
 * so a failure names the one mutant to replay, which is also written under target/mutants.
 */
class MutationTest {

  private static final int PER_INPUT = Integer.getInteger("tollgate.mutations", 40);

  @TestFactory
  Stream<DynamicTest> mutants_ofEveryGoldenInput_keepThePipelinesProperties() {
    return Golden.inputs().stream().map(input -> DynamicTest.dynamicTest(Golden.caseName(input), () -> run(input)));
  }

  private static void run(Path input) throws Exception {
    List<JsonNode> documents = documents(Golden.read(input));
    PipelineProperties properties = new PipelineProperties(Golden.config(input));
    Map<PipelineProperties.Outcome, Integer> outcomes = new EnumMap<>(PipelineProperties.Outcome.class);
    long start = System.nanoTime();
    for (int i = 0; i < PER_INPUT; i++) {
      long seed = Golden.caseName(input).hashCode() * 1_000_003L + i;
      Choices choices = Choices.seeded(seed);
      String mutant = yaml(new InputMutator(choices).mutate(documents, 1 + choices.below(3)));
      try {
        outcomes.merge(properties.check(mutant, i % 10 == 0), 1, Integer::sum);
      } catch (AssertionError | RuntimeException e) {
        Path saved = save(Golden.caseName(input), i, mutant);
        throw new AssertionError("mutant " + i + " (seed " + seed + ") of " + Golden.caseName(input) + ", saved as "
            + saved + ": " + e.getMessage(), e);
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("mutations %s: %d mutants, %s, %d ms%n", Golden.caseName(input), PER_INPUT, outcomes, ms);
    assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(PER_INPUT);
  }

  static List<JsonNode> documents(String yaml) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (var it = Mappers.yaml().readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        if (doc != null && !doc.isNull()) {
          out.add(doc);
        }
      }
    }
    return out;
  }

  static String yaml(List<JsonNode> documents) throws JsonProcessingException {
    StringBuilder sb = new StringBuilder();
    for (JsonNode doc : documents) {
      sb.append("---\n").append(Mappers.yaml().writeValueAsString(doc));
    }
    return sb.toString();
  }

  private static Path save(String caseName, int index, String mutant) throws IOException {
    Path dir = Path.of("target", "mutants");
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve(caseName.replace('/', '_') + "-" + index + ".yaml"), mutant);
  }
}

package dev.tollgate.translator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.output.TranslationDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The same objects, split over files and shuffled, give byte-identical output. */
class OrderIndependenceTest {

  @TestFactory
  Stream<DynamicTest> translate_shuffledDocumentsAcrossFiles_giveIdenticalBytes() {
    return Golden.inputs().stream()
        .filter(input -> !"no".equals(Golden.options(input).get("order-independent")))
        .map(input -> DynamicTest.dynamicTest(Golden.caseName(input), () -> {
      TranslatorConfig config = Golden.config(input);
      String original = render(config, List.of(Golden.read(input)));
      List<String> docs = new ArrayList<>(Arrays.asList(Golden.read(input).split("(?m)^---\\s*$")));
      for (long seed = 1; seed <= 3; seed++) {
        Collections.shuffle(docs, new Random(seed));
        int cut = docs.size() / 2;
        List<String> files = List.of(String.join("\n---\n", docs.subList(0, cut)), String.join("\n---\n", docs.subList(cut, docs.size())));
        assertThat(render(config, files)).as("seed %d", seed).isEqualTo(original);
      }
    }));
  }

  /** Translates the texts as files f0, f1, ... and returns the printed document. */
  private static String render(TranslatorConfig config, List<String> files) throws Exception {
    ManifestReader reader = new ManifestReader();
    for (int i = files.size() - 1; i >= 0; i--) {
      reader.readString("f" + i + ".yaml", files.get(i));
    }
    TranslationResult result = new Pipeline(config).run(reader.resources(), List.of());
    return TranslationDocument.toYaml(TranslationDocument.build(result, TranslationDocument.Secrets.SHOWN));
  }

}

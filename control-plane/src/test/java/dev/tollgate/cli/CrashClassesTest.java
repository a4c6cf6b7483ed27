package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every input that once crashed {@code translate} (exit 1, every Gateway lost) now gives a clear
 * message naming the object and field and exits 4 with {@code --strict}. The inputs are the fuzz tests'
 * regression cases (src/test/resources/dev/tollgate/fuzz/PipelineFuzzTestInputs/manifests).
 */
class CrashClassesTest {

  @TestFactory
  Stream<DynamicTest> translate_inputThatOnceCrashed_exitsWithFourAndSaysWhy() throws Exception {
    return Files.list(corpus()).filter(p -> p.getFileName().toString().startsWith("crash-")).sorted()
        .map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
          CliRun run = CliRun.of("translate", "--strict", "-f", input.toString());
          assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.REJECTED);
          assertThat(run.err()).doesNotContain("internal error").doesNotContain("\tat ");
          // refused when read (naming file, document, object and field), or a status naming the object and field
          assertThat(run.err()).containsAnyOf(input + " (document ", "status: ");
        }));
  }

  private static Path corpus() throws URISyntaxException {
    return Path.of(CrashClassesTest.class.getResource("/dev/tollgate/fuzz/PipelineFuzzTestInputs/manifests").toURI());
  }
}

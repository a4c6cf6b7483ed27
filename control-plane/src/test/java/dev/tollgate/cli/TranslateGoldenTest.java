package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole pipeline as users see it: {@code tollgate translate -f <case>.in.yaml} prints exactly
 * {@code <case>.out.yaml} (what it reports on stderr is kept as leading comments).
 */
class TranslateGoldenTest {

  static final String OUT_SUFFIX = ".out.yaml";

  @TestFactory
  Stream<DynamicTest> translate_goldenInput_printsGoldenOutput() {
    return Golden.inputs().stream().map(input -> DynamicTest.dynamicTest(Golden.caseName(input), () -> {
      java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("translate", "-f", input.toString()));
      args.addAll(Golden.translateArgs(input));
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(run.err()).isZero();
      String relative = input.toString();
      String comments = run.err().lines()
          .map(l -> "# " + l.replace(relative, Golden.caseName(input) + Golden.INPUT_SUFFIX))
          .collect(Collectors.joining("\n"));
      Golden.check(Golden.output(input, OUT_SUFFIX), (comments.isEmpty() ? "" : comments + "\n") + run.out());
    }));
  }

  @AfterAll
  static void removeOrphans() {
    Golden.removeOrphans(OUT_SUFFIX);
  }
}

package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code explain} and {@code diff} over every golden input, whatever it holds (TLS, gRPC, TCP,
 * patches, rejected objects): they read any configuration the pipeline produces without failing,
 * and an input compared with itself shows no change.
 */
class ReviewOverGoldenInputsTest {

  @TestFactory
  Stream<DynamicTest> everyGoldenInput_explainsAndDiffsCleanly() {
    return Golden.inputs().stream().map(input -> DynamicTest.dynamicTest(Golden.caseName(input), () -> {
      List<String> options = Golden.translateArgs(input);
      CliRun routes = CliRun.of(args(options, "explain", "-f", input.toString(), "--routes", "--assert", "all requires authentication|authorization"));
      assertThat(routes.exitCode()).as(routes.err()).isIn(ExitCodes.OK, ExitCodes.REJECTED);
      assertThat(routes.err()).doesNotContain("internal error");
      for (String request : List.of("GET http://www.example.com/", "POST https://foo.example.com:8443/a/../b%2Fc?x=1")) {
        CliRun explain = CliRun.of(args(options, "explain", "-f", input.toString(), request));
        assertThat(explain.err()).doesNotContain("internal error");
        // several Gateways or none need --gateway: a usage answer, not a failure
        assertThat(explain.exitCode()).as(explain.err()).isIn(ExitCodes.OK, ExitCodes.USAGE, ExitCodes.REJECTED);
      }
      CliRun same = CliRun.of(args(options, "diff", input.toString(), input.toString()));
      assertThat(same.exitCode()).as(same.err() + same.out()).isZero();
      assertThat(same.out()).isEmpty();
    }));
  }

  private static String[] args(List<String> options, String... command) {
    List<String> out = new ArrayList<>(List.of(command));
    out.addAll(options);
    return out.toArray(String[]::new);
  }
}

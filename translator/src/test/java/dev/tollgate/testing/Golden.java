package dev.tollgate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Golden files under {@code testdata/}: {@code <area>/<case>.in.yaml} inputs, each with expected
 * outputs beside it. Run with {@code -Dgolden.update=true} to rewrite the outputs and delete those
 * whose input is gone.
 *
 * <p>An input may carry options in comment lines: {@code # golden: key=value key2=value2}.
 */
public final class Golden {

  public static final String INPUT_SUFFIX = ".in.yaml";
  public static final String UPDATE_HINT = "to accept the new output, run: mvn test -Dgolden.update=true";

  private Golden() {}

  public static boolean updating() {
    return Boolean.parseBoolean(System.getProperty("golden.update", "false"));
  }

  /** The testdata directory: from the build, or found by walking up from the working directory. */
  public static Path testdata() {
    String configured = System.getProperty("tollgate.testdata");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("testdata"))) {
        return dir.resolve("testdata");
      }
    }
    throw new IllegalStateException("testdata directory not found");
  }

  /** All golden inputs that translate without an extension server, sorted by path. */
  public static List<Path> inputs() {
    return allInputs().stream().filter(p -> !options(p).containsKey(EXTENSION_OPTION)).toList();
  }

  /**
   * Inputs translated with an extension server ({@code # golden: extension=<config file>}); only
   * the tests that run one use them.
   */
  public static List<Path> extensionInputs() {
    return allInputs().stream().filter(p -> options(p).containsKey(EXTENSION_OPTION)).toList();
  }

  public static final String EXTENSION_OPTION = "extension";

  private static List<Path> allInputs() {
    try (Stream<Path> files = Files.walk(testdata())) {
      return files.filter(p -> p.getFileName().toString().endsWith(INPUT_SUFFIX)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code area/case}, for test names. */
  public static String caseName(Path input) {
    String rel = testdata().relativize(input).toString();
    return rel.substring(0, rel.length() - INPUT_SUFFIX.length());
  }

  /** The output file of an input with another suffix, e.g. {@code .out.yaml}. */
  public static Path output(Path input, String suffix) {
    String name = input.getFileName().toString();
    return input.resolveSibling(name.substring(0, name.length() - INPUT_SUFFIX.length()) + suffix);
  }

  public static Map<String, String> options(Path input) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String line : read(input).split("\n")) {
      if (line.startsWith("# golden:")) {
        for (String pair : line.substring("# golden:".length()).trim().split("\\s+")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            options.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
        }
      }
    }
    return options;
  }

  /**
   * The translation settings a case asks for: {@code enable-backend=false} and
   * {@code enable-envoy-patch-policy=false} turn those features off, as the daemon's switches do.
   */
  public static dev.tollgate.translator.TranslatorConfig config(Path input) {
    Map<String, String> options = options(input);
    var config = dev.tollgate.translator.TranslatorConfig.offline()
        .withBackendsEnabled(!"false".equals(options.get("enable-backend")))
        .withEnvoyPatchPolicyEnabled(!"false".equals(options.get("enable-envoy-patch-policy")));
    String wasmCache = options.get(WASM_CACHE_OPTION);
    return wasmCache == null ? config : config.withWasmModules(new GoldenWasmModules(testdata().resolve(wasmCache)));
  }

  /** {@code # golden: wasm-cache=<dir>}: Wasm modules pinned by sha256 are read from this testdata directory. */
  public static final String WASM_CACHE_OPTION = "wasm-cache";

  /** The same settings as {@code translate} arguments. */
  public static List<String> translateArgs(Path input) {
    Map<String, String> options = options(input);
    List<String> args = new java.util.ArrayList<>();
    if ("false".equals(options.get("enable-backend"))) {
      args.add("--no-enable-backend");
    }
    if ("false".equals(options.get("enable-envoy-patch-policy"))) {
      args.add("--no-enable-envoy-patch-policy");
    }
    if (options.containsKey(WASM_CACHE_OPTION)) {
      args.add("--wasm-cache");
      args.add(testdata().resolve(options.get(WASM_CACHE_OPTION)).toString());
    }
    return args;
  }

  /** Compares with the golden file, or rewrites it in update mode. */
  public static void check(Path golden, String actual) {
    if (updating()) {
      write(golden, actual);
      return;
    }
    assertThat(Files.exists(golden)).as("golden file %s is missing; %s", golden, UPDATE_HINT).isTrue();
    assertThat(actual).as("output differs from %s; %s", golden, UPDATE_HINT).isEqualTo(read(golden));
  }

  /** In update mode, deletes outputs with this suffix that no input produces any more. */
  public static void removeOrphans(String suffix) {
    if (!updating()) {
      return;
    }
    try (Stream<Path> files = Files.walk(testdata())) {
      for (Path p : files.filter(p -> p.getFileName().toString().endsWith(suffix) && !p.getFileName().toString().endsWith(INPUT_SUFFIX)).toList()) {
        String name = p.getFileName().toString();
        Path input = p.resolveSibling(name.substring(0, name.length() - suffix.length()) + INPUT_SUFFIX);
        if (!Files.exists(input)) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path p, String content) {
    try {
      Files.writeString(p, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.tollgate.cli;

import dev.tollgate.review.diff.ConfigDiff;
import dev.tollgate.review.diff.DiffReport;
import dev.tollgate.review.diff.DiffText;
import dev.tollgate.review.diff.GitRevision;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.output.TranslationDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tollgate diff}: what a change to the manifests does to the Envoy configuration and statuses. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Shows what a change to the manifests does to the Envoy configuration.",
      "Translates both sides and compares them per Gateway: resources added, removed and changed, field by field "
          + "(lists whose order Envoy ignores compared as sets), statuses, and the input changes behind each. Changes "
          + "a reviewer must see are classed: authorization-weakened (a route loses JWT, ext_authz, RBAC or another "
          + "authentication, or its fail-closed setting; a new route lacks what its neighbours have), route-removed, "
          + "route-added, status-regressed; any change is config-changed or status-changed.",
      "Sides: -f BASE... --against -f HEAD...; or two paths BASE HEAD; or -f PATH... --git REV (PATH at REV against "
          + "the working tree)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no change (with --fail-on: none of those classes)",
      "1:changes (without --fail-on)",
      "2:invalid command line",
      "3:an input could not be read",
      "4:with --fail-on, a change of one of those classes",
      "5:internal error"
    })
final class DiffCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-f", "--file"}, paramLabel = "PATH",
      description = "A manifest file or directory of the base side; after --against, of the head side. Repeatable.")
  List<String> files = new ArrayList<>();

  @Option(names = "--against", description = "The -f options after this one are the head side.")
  boolean against;

  @Parameters(arity = "0..2", paramLabel = "BASE HEAD", description = "The two sides as paths, instead of -f and --against.")
  List<String> sides = new ArrayList<>();

  @Option(names = "--git", paramLabel = "REV", description = "Compare the -f paths at this revision (base) with the working tree (head).")
  String revision;

  @Option(names = "--fail-on", split = ",", paramLabel = "CLASS",
      description = "Exit with 4 when a change of one of these classes occurs: authorization-weakened, route-removed, "
          + "route-added, status-regressed, config-changed, status-changed. Repeatable or comma-separated.")
  List<String> failOn = new ArrayList<>();

  @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
      description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
      description = "Colour the text output: auto (when standard output is a terminal and NO_COLOR is unset), always, never.")
  String color;

  @CommandLine.Mixin TranslationOptions translation;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    List<String> left = new ArrayList<>();
    List<String> right = new ArrayList<>();
    split(spec.commandLine().getParseResult().originalArgs(), left, right);
    validate(left, right);
    Path checkout = null;
    try {
      if (revision != null) {
        right = new ArrayList<>(left);
        checkout = Files.createTempDirectory("tollgate-diff-");
        try {
          left = GitRevision.checkout(revision, right, checkout);
        } catch (GitRevision.GitException e) {
          err.println("tollgate: --git " + revision + ": " + e.getMessage());
          return ExitCodes.UNREADABLE_INPUT;
        }
      } else if (!sides.isEmpty()) {
        left = List.of(sides.get(0));
        right = List.of(sides.get(1));
      }
      return diff(left, right, err);
    } finally {
      if (checkout != null) {
        delete(checkout);
      }
    }
  }

  /**
   * Which -f values come before --against (base) and which after (head): picocli gathers an
   * option's values in one list, so the order is read back from the command line as given.
   */
  private static void split(List<String> args, List<String> left, List<String> right) {
    boolean after = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      List<String> side = after ? right : left;
      if (a.equals("--")) {
        break;
      } else if (a.equals("--against")) {
        after = true;
      } else if ((a.equals("-f") || a.equals("--file")) && i + 1 < args.size()) {
        side.add(args.get(++i));
      } else if (a.startsWith("--file=")) {
        side.add(a.substring("--file=".length()));
      } else if (a.startsWith("-f") && a.length() > 2) {
        side.add(a.substring(a.startsWith("-f=") ? 3 : 2));
      }
    }
  }

  private void validate(List<String> left, List<String> right) {
    for (String c : failOn) {
      if (!DiffReport.CLASSES.contains(c)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--fail-on: unknown class " + c + "; classes: "
            + String.join(", ", DiffReport.CLASSES));
      }
    }
    if (!format.equals("text") && !format.equals("json")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--output must be text or json, not " + format);
    }
    if (!List.of("auto", "always", "never").contains(color)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--color must be auto, always or never, not " + color);
    }
    String usage = "give the sides as -f BASE... --against -f HEAD..., as BASE HEAD, or as -f PATH... --git REV";
    boolean files = !left.isEmpty() || !right.isEmpty();
    if (revision != null) {
      if (left.isEmpty() || !right.isEmpty() || against || !sides.isEmpty() || left.contains("-")) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--git compares the -f paths (not stdin) at REV with the working tree; " + usage);
      }
    } else if (!sides.isEmpty()) {
      if (sides.size() != 2 || files || against) {
        throw new CommandLine.ParameterException(spec.commandLine(), usage);
      }
    } else if (left.isEmpty() || right.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), usage);
    } else if (left.contains("-") && right.contains("-")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "only one side can be read from stdin");
    }
  }

  private int diff(List<String> left, List<String> right, PrintWriter err) {
    Optional<TranslationOptions.Session> session = translation.open(err);
    if (session.isEmpty()) {
      return ExitCodes.UNREADABLE_INPUT;
    }
    try (TranslationOptions.Session s = session.get()) {
      Optional<TranslationOptions.Translated> a = s.translate(left, err);
      if (a.isEmpty()) {
        return ExitCodes.UNREADABLE_INPUT;
      }
      Optional<TranslationOptions.Translated> b = s.translate(right, err);
      if (b.isEmpty()) {
        return ExitCodes.UNREADABLE_INPUT;
      }
      DiffReport report = ConfigDiff.compare(new ConfigDiff.Side(a.get().result(), a.get().resources()),
          new ConfigDiff.Side(b.get().result(), b.get().resources()));
      PrintWriter out = spec.commandLine().getOut();
      if (format.equals("json")) {
        out.print(TranslationDocument.toJson(Mappers.json().valueToTree(report)));
      } else {
        out.print(DiffText.render(report, colour()));
      }
      out.flush();
      if (failOn.isEmpty()) {
        return report.empty() ? ExitCodes.OK : ExitCodes.DIFFERENT;
      }
      TreeSet<String> hit = new TreeSet<>(report.classes());
      hit.retainAll(failOn);
      if (!hit.isEmpty()) {
        err.println("tollgate: --fail-on: " + String.join(", ", hit));
        return ExitCodes.REJECTED;
      }
      return ExitCodes.OK;
    }
  }

  private boolean colour() {
    return color.equals("always") || color.equals("auto") && System.console() != null && System.getenv("NO_COLOR") == null
        && spec.commandLine().getOut() != null && Main.writesToConsole(spec.commandLine().getOut());
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.validate.ResourceFile;
import dev.tollgate.translator.validate.Violation;
import dev.tollgate.translator.validate.XdsValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tollgate validate}: check xDS resources in a file against Envoy's rules. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks Envoy resources against the rules Envoy enforces.",
      "Those are the validation rules declared on Envoy's API, cross references (every route "
          + "configuration, cluster, load assignment and secret named exists), and what Envoy refuses "
          + "when it loads a configuration although the declared rules allow it (host and pseudo-header "
          + "mutations, RE2 syntax, conflicting route actions, filter chains with the same match, "
          + "listeners sharing an address).",
      "FILE is JSON or YAML: the output of translate, one group of resource lists, or a list of resources "
          + "each with its \"@type\"."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:all resources are valid", "1:internal error", "2:invalid command line",
        "3:a file could not be read", "4:some resource is invalid"})
final class ValidateCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check; - for stdin.")
  List<String> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    XdsValidator validator = new XdsValidator();
    int resources = 0;
    List<String> problems = new ArrayList<>();
    for (String file : files) {
      JsonNode document;
      try {
        document = file.equals("-") ? Mappers.yaml().readTree(System.in) : Mappers.yaml().readTree(Files.newInputStream(Path.of(file)));
      } catch (IOException e) {
        err.println("tollgate: " + file + ": cannot read: " + e.getMessage());
        return ExitCodes.UNREADABLE_INPUT;
      }
      if (document == null || !(document.isObject() || document.isArray())) {
        err.println("tollgate: " + file + ": expected a JSON or YAML object or list");
        return ExitCodes.UNREADABLE_INPUT;
      }
      for (ResourceFile.Group group : ResourceFile.groups(document)) {
        resources += group.size();
        String prefix = file + ": " + (group.name().isEmpty() ? "" : "gateway " + group.name() + ": ");
        List<Violation> violations = new ArrayList<>(group.unreadable());
        violations.addAll(validator.validate(group.resources()));
        violations.forEach(v -> problems.add(prefix + v));
      }
    }
    problems.forEach(out::println);
    out.println(resources + (resources == 1 ? " resource, " : " resources, ") + problems.size()
        + (problems.size() == 1 ? " problem" : " problems"));
    out.flush();
    return problems.isEmpty() ? ExitCodes.OK : ExitCodes.REJECTED;
  }
}

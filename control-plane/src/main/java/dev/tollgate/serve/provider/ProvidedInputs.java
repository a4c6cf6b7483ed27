package dev.tollgate.serve.provider;

import dev.tollgate.translator.input.InputProblem;
import dev.tollgate.translator.input.ResourceSet;
import java.util.List;

/**
 * Everything a provider currently offers.
 *
 * @param problems problems with single documents (each names its file, document and field)
 * @param fileProblems files that could not be read or are not YAML
 */
public record ProvidedInputs(ResourceSet resources, List<InputProblem> problems, List<String> fileProblems) {
  public ProvidedInputs {
    problems = List.copyOf(problems);
    fileProblems = List.copyOf(fileProblems);
  }
}

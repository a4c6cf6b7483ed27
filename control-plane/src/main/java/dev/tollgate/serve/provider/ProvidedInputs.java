package dev.tollgate.serve.provider;

import dev.tollgate.translator.input.InputProblem;
import dev.tollgate.translator.input.ResourceSet;
import java.util.List;

/**
 * Everything a provider currently offers.
 *
 * @param problems problems with single documents (each names its file, document and field)
 * @param fileProblems files that could not be read, are too large or are not YAML, and roots
 *     that are missing or cannot be listed
 * @param unread those of {@code fileProblems} for which nothing is in use: a root that is missing
 *     or cannot be listed, a file that cannot be read and has no last readable contents. While
 *     there are any, what is served may lack objects the inputs hold.
 */
public record ProvidedInputs(ResourceSet resources, List<InputProblem> problems, List<String> fileProblems, List<String> unread) {
  public ProvidedInputs {
    problems = List.copyOf(problems);
    fileProblems = List.copyOf(fileProblems);
    unread = List.copyOf(unread);
  }
}

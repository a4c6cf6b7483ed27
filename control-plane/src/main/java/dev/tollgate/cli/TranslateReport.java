package dev.tollgate.cli;

import dev.tollgate.translator.input.InputProblem;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.pipeline.Problem;
import dev.tollgate.translator.pipeline.StatusFinding;
import dev.tollgate.translator.pipeline.TranslationResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code translate} says on standard error: every input problem and pipeline problem, every
 * status condition that is not met (one line each, naming the object), then a one-line summary;
 * with {@code --strict}, the objects that make it fail. A clean translation says nothing.
 */
final class TranslateReport {

  private static final int MAX_NAMED = 20;

  private final TranslationResult result;
  private final int objectsRead;

  TranslateReport(TranslationResult result, int objectsRead) {
    this.result = result;
    this.objectsRead = objectsRead;
  }

  void print(PrintWriter err, boolean strict) {
    result.inputProblems().forEach(err::println);
    result.problems().forEach(err::println);
    List<StatusFinding> findings = result.findings();
    Set<String> said = new HashSet<>();
    result.problems().forEach(p -> said.add(p.message()));
    findings.stream().filter(f -> !said.contains(f.message())) // a withheld Gateway's Programmed=False repeats its error
        .forEach(f -> err.println("status: " + f));
    Set<ObjectKey> refused = new TreeSet<>();
    result.inputProblems().stream()
        .filter(p -> p.severity() == InputProblem.Severity.ERROR && p.object() != null)
        .forEach(p -> refused.add(p.object()));
    Set<ObjectKey> notInEffect = new TreeSet<>();
    findings.forEach(f -> notInEffect.add(f.object()));
    Set<String> withheld = new TreeSet<>();
    result.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR && !p.gateway().isEmpty())
        .forEach(p -> withheld.add(p.gateway()));
    if (result.inputProblems().isEmpty() && result.problems().isEmpty() && findings.isEmpty()) {
      return; // nothing to report: a clean translation is silent
    }
    err.println("summary: " + count(objectsRead + refused.size(), "object") + " read, " + refused.size()
        + " refused when read; " + count(result.gateways().size(), "Gateway") + " translated, " + withheld.size()
        + " withheld; " + count(notInEffect.size(), "object") + " with conditions not met");
    if (strict && result.rejectedAnything()) {
      List<String> named = new ArrayList<>();
      refused.forEach(k -> named.add(k.toString()));
      notInEffect.stream().filter(k -> !refused.contains(k)).forEach(k -> named.add(k.toString()));
      withheld.stream().map(g -> "Gateway " + g).filter(g -> !named.contains(g)).forEach(named::add);
      long documents = result.inputProblems().stream()
          .filter(p -> p.severity() == InputProblem.Severity.ERROR && p.object() == null).count();
      err.println("tollgate: --strict: rejected: " + names(named)
          + (documents > 0 ? (named.isEmpty() ? "" : "; ") + count((int) documents, "document") + " that could not be read as an object" : ""));
    }
  }

  private static String names(List<String> named) {
    if (named.size() <= MAX_NAMED) {
      return String.join(", ", named);
    }
    return String.join(", ", named.subList(0, MAX_NAMED)) + " and " + (named.size() - MAX_NAMED) + " more";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

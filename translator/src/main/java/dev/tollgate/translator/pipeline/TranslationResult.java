package dev.tollgate.translator.pipeline;

import dev.tollgate.translator.input.InputProblem;
import dev.tollgate.translator.ir.XdsIr;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.status.ObjectStatus;
import dev.tollgate.translator.xds.GatewayXds;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

/**
 * Everything one translation produced.
 *
 * @param gateways publishable configuration per Gateway, by {@code namespace/name}; a Gateway
 *     whose configuration was withheld is absent and named in {@code problems}
 * @param statuses every status computed, sorted by kind, namespace and name
 * @param inputProblems documents that could not be read fully
 * @param lookups the Secrets and ConfigMaps the translation looked up, found or not, sorted (what a
 *     provider reading only referenced ones must read)
 * @param regenerated the Gateways whose Envoy configuration was generated in this run; the others'
 *     was the same as in the pipeline's previous run, and reused
 */
public record TranslationResult(
    XdsIr ir,
    Map<String, GatewayXds> gateways,
    List<ObjectStatus> statuses,
    List<InputProblem> inputProblems,
    List<Problem> problems,
    Set<ObjectKey> lookups,
    Set<String> regenerated) {

  /** True when some problem may go away by translating the same input again (an unreachable extension). */
  public boolean hasRetryableProblems() {
    return problems.stream().anyMatch(Problem::retryable);
  }

  /** The first defect met inside the pipeline, when there was one: the translation did not complete. */
  public Optional<Problem> defect() {
    return problems.stream().filter(Problem::defect).findFirst();
  }

  /** Every condition that says an object, or part of one, is not in effect, in status order. */
  public List<StatusFinding> findings() {
    return statuses.stream().flatMap(s -> StatusInspection.findings(s).stream()).toList();
  }

  /** True when any object was rejected: a document error, a False condition, or withheld output. */
  public boolean rejectedAnything() {
    return inputProblems.stream().anyMatch(p -> p.severity() == InputProblem.Severity.ERROR)
        || problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)
        || !findings().isEmpty();
  }
}

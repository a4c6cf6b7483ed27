package dev.tollgate.translator.input;

import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectKey;
import java.util.List;

/**
 * What admitting an input's documents produced, step by step, to be added to a reader as often
 * as needed: a caller that holds many inputs (the daemon's file provider) admits an input once
 * and adds the same steps to every later reading while the input's bytes do not change.
 * Duplicates across inputs are found when the steps are added, not here.
 */
public record TakenDocuments(List<Step> steps) {

  public TakenDocuments {
    steps = List.copyOf(steps);
  }

  /** One thing a document contributed. */
  public sealed interface Step permits Bound, Refused, Rejected, Reported, UnknownKind {}

  /** An object admitted and bound. */
  public record Bound(KubernetesObject object, Source source) implements Step {}

  /** An object refused when read, so that references to it say so. */
  public record Refused(ObjectKey key) implements Step {}

  /** A refused object of a kind that guards traffic: its targets fail closed. */
  public record Rejected(RejectedObject object) implements Step {}

  /** A problem to report. */
  public record Reported(InputProblem problem) implements Step {}

  /** A kind Tollgate does not read: reported once per reading, however many objects have it. */
  public record UnknownKind(String kind, InputProblem warning) implements Step {}
}

package dev.tollgate.translator.extension;

import com.google.protobuf.Message;
import dev.tollgate.translator.pipeline.Problem;
import dev.tollgate.translator.pipeline.TranslationContext;
import dev.tollgate.translator.status.ConditionTypes;
import dev.tollgate.translator.validate.Violation;
import dev.tollgate.translator.validate.XdsValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Calls hooks for one Gateway and applies {@code failOpen}: a hook that fails, or returns
 * something Envoy would reject, either leaves the resource as it was (fail open, with a warning)
 * or stops the Gateway's update ({@link Failure}).
 */
final class HookCalls {

  private static final int MAX_REPORTED = 5;

  /** A call to the extension. */
  interface Call<T> {
    T call() throws ExtensionHookException;
  }

  /** A failed hook when failing closed: the Gateway must not be updated. */
  static final class Failure extends Exception {
    private final boolean retryable;

    Failure(String message, boolean retryable) {
      super(message, null, false, false);
      this.retryable = retryable;
    }
  }

  /**
   * Shared by the calls of one stage in one translation: once the extension is found unreachable
   * or too slow, the remaining calls fail at once instead of each waiting out the timeout, so a
   * translation is held up by one timeout at most.
   */
  static final class Circuit {
    private volatile String unreachable;
  }

  private final HookSettings settings;
  private final XdsValidator validator;
  private final TranslationContext context;
  private final String gateway;
  private final Circuit circuit;

  HookCalls(HookSettings settings, XdsValidator validator, TranslationContext context, String gateway, Circuit circuit) {
    this.settings = settings;
    this.validator = validator;
    this.context = context;
    this.gateway = gateway;
    this.circuit = circuit;
  }

  /** What an answer would weaken of the authorization in place (see {@link AuthorizationGuard}). */
  interface Guard<T> {
    List<String> weakened(T original, T answer);
  }

  /**
   * What makes an answer unusable whatever the settings, such as a changed name where the name
   * is what other resources find it by; null when it is usable.
   */
  interface Rule<T> {
    String broken(T original, T answer);
  }

  /** One resource to send through a hook; {@code guard} and {@code rule} may be null. */
  record Item<T extends Message>(String resource, T original, Call<T> call, Guard<T> guard, Rule<T> rule) {
    Item(String resource, T original, Call<T> call, Guard<T> guard) {
      this(resource, original, call, guard, null);
    }
  }

  /** What one call gave: an answer and what is wrong with it, or why the call failed. */
  private record Outcome<T>(T answer, String broken, List<Violation> violations, List<String> weakened, ExtensionHookException error) {}

  /**
   * The hook's versions of resources, checked against Envoy's rules; the original where the hook
   * returns nothing, or fails open. The calls run concurrently on {@code executor}: hook calls are
   * round trips, and one after the other they would add up. Answers are applied, and failures
   * reported, in the order of {@code items}, so the outcome does not depend on timing.
   */
  <T extends Message> List<T> modifyAll(Hook hook, List<Item<T>> items, Executor executor) throws Failure {
    List<Outcome<T>> outcomes = new ArrayList<>(items.size());
    if (circuit.unreachable != null || items.size() == 1) {
      items.forEach(i -> outcomes.add(attempt(i)));
    } else {
      List<CompletableFuture<Outcome<T>>> running = new ArrayList<>(items.size());
      items.forEach(i -> running.add(CompletableFuture.supplyAsync(() -> attempt(i), executor)));
      running.forEach(f -> outcomes.add(f.join()));
    }
    List<T> out = new ArrayList<>(items.size());
    for (int k = 0; k < items.size(); k++) {
      Item<T> item = items.get(k);
      Outcome<T> o = outcomes.get(k);
      if (o.error() != null) {
        if (o.error().unreachable() && circuit.unreachable == null) {
          circuit.unreachable = o.error().getMessage();
        }
        out.add(failed(hook, item.resource(), item.original(), o.error()));
      } else if (o.answer() == null) {
        out.add(item.original());
      } else if (o.broken() != null) {
        out.add(failed(hook, item.resource(), item.original(), "answer refused, as " + o.broken()));
      } else if (!o.violations().isEmpty()) {
        out.add(failed(hook, item.resource(), item.original(), "returned configuration Envoy would reject: " + describe(o.violations())));
      } else if (!o.weakened().isEmpty()) {
        out.add(failed(hook, item.resource(), item.original(), weakening(o.weakened())));
      } else {
        out.add(o.answer());
      }
    }
    return out;
  }

  private <T extends Message> Outcome<T> attempt(Item<T> item) {
    if (circuit.unreachable != null) {
      return new Outcome<>(null, null, List.of(), List.of(),
          new ExtensionHookException("not called, as earlier in this translation " + circuit.unreachable, true, null));
    }
    try {
      T answer = item.call().call();
      if (answer == null) {
        return new Outcome<>(null, null, List.of(), List.of(), null);
      }
      String broken = item.rule() == null ? null : item.rule().broken(item.original(), answer);
      List<String> weakened = item.guard() == null || settings.allowAuthorizationChanges()
          ? List.of() : item.guard().weakened(item.original(), answer);
      return new Outcome<>(answer, broken, validator.validateMessage(item.resource(), answer), weakened, null);
    } catch (ExtensionHookException e) {
      return new Outcome<>(null, null, List.of(), List.of(), e);
    } catch (RuntimeException e) {
      return new Outcome<>(null, null, List.of(), List.of(), new ExtensionHookException(String.valueOf(e.getMessage()), false, e));
    }
  }

  /** Why an answer that weakens authorization is refused, and how to allow it. */
  static String weakening(List<String> weakened) {
    return "answer refused, as it " + String.join("; ", weakened)
        + " (authentication and authorization stay as SecurityPolicies set them unless allowAuthorizationChanges is set)";
  }

  /** Calls the extension unless it was already found unreachable in this translation. */
  <T> T call(Call<T> call) throws ExtensionHookException {
    if (circuit.unreachable != null) {
      throw new ExtensionHookException("not called, as earlier in this translation " + circuit.unreachable, true, null);
    }
    try {
      return call.call();
    } catch (ExtensionHookException e) {
      if (e.unreachable()) {
        circuit.unreachable = e.getMessage();
      }
      throw e;
    }
  }

  /** A call that failed: worth trying again later, unlike an answer Envoy would reject. */
  <T> T failed(Hook hook, String resource, T original, ExtensionHookException e) throws Failure {
    return failed(hook, resource, original, e.getMessage(), true);
  }

  /** An answer that cannot be used. */
  <T> T failed(Hook hook, String resource, T original, String reason) throws Failure {
    return failed(hook, resource, original, reason, false);
  }

  /** Records a failure; the original when failing open, otherwise {@link Failure}. */
  private <T> T failed(Hook hook, String resource, T original, String reason, boolean retryable) throws Failure {
    String message = "extension hook " + hook.method() + " failed for " + resource + ": " + reason;
    if (!settings.failOpen()) {
      throw new Failure(message, retryable);
    }
    Problem problem = Problem.warning(gateway, message + "; failOpen is set, so it is used unmodified");
    context.problems().add(retryable ? problem.asRetryable() : problem);
    return original;
  }

  static String describe(List<Violation> violations) {
    String shown = violations.stream().limit(MAX_REPORTED).map(Violation::toString).collect(Collectors.joining("; "));
    return violations.size() > MAX_REPORTED ? shown + "; and " + (violations.size() - MAX_REPORTED) + " more" : shown;
  }

  /** Stops the Gateway's update after a failure when failing closed. */
  static void withhold(TranslationContext context, String gateway, Failure failure) {
    String message = failure.getMessage() + "; the Gateway's configuration was not updated";
    Problem problem = Problem.error(gateway, message);
    context.withhold(gateway, failure.retryable ? problem.asRetryable() : problem);
    context.markGatewayNotProgrammed(gateway, ConditionTypes.Reason.EXTENSION_HOOK_FAILED, message);
  }
}

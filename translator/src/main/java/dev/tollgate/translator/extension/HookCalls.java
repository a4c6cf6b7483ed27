package dev.tollgate.translator.extension;

import com.google.protobuf.Message;
import dev.tollgate.translator.pipeline.Problem;
import dev.tollgate.translator.pipeline.TranslationContext;
import dev.tollgate.translator.validate.Violation;
import dev.tollgate.translator.validate.XdsValidator;
import java.util.List;
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
    Failure(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Shared by the calls of one stage in one translation: once the extension is found unreachable
   * or too slow, the remaining calls fail at once instead of each waiting out the timeout, so a
   * translation is held up by one timeout at most.
   */
  static final class Circuit {
    private String unreachable;
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

  /**
   * The hook's version of a resource, checked against Envoy's rules; the original when the hook
   * returns nothing, or fails open.
   *
   * @param resource how messages name the resource: "route httproute/default/app/rule/0/match/0/www_example_com"
   */
  <T extends Message> T modify(Hook hook, String resource, T original, Call<T> call) throws Failure {
    T result;
    try {
      result = call(call);
    } catch (ExtensionHookException e) {
      return failed(hook, resource, original, e.getMessage());
    }
    if (result == null) {
      return original;
    }
    List<Violation> violations = validator.validateMessage(resource, result);
    if (!violations.isEmpty()) {
      return failed(hook, resource, original, "returned configuration Envoy would reject: " + describe(violations));
    }
    return result;
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

  /** Records a failure; the original when failing open, otherwise {@link Failure}. */
  <T> T failed(Hook hook, String resource, T original, String reason) throws Failure {
    String message = "extension hook " + hook.method() + " failed for " + resource + ": " + reason;
    if (!settings.failOpen()) {
      throw new Failure(message);
    }
    context.problems().add(Problem.warning(gateway, message + "; failOpen is set, so it is used unmodified"));
    return original;
  }

  static String describe(List<Violation> violations) {
    String shown = violations.stream().limit(MAX_REPORTED).map(Violation::toString).collect(Collectors.joining("; "));
    return violations.size() > MAX_REPORTED ? shown + "; and " + (violations.size() - MAX_REPORTED) + " more" : shown;
  }

  /** Stops the Gateway's update after a failure when failing closed. */
  static void withhold(TranslationContext context, String gateway, Failure failure) {
    String message = failure.getMessage() + "; the Gateway's configuration was not updated";
    context.withhold(gateway, message);
    context.markGatewayNotProgrammed(gateway, "ExtensionHookFailed", message);
  }
}

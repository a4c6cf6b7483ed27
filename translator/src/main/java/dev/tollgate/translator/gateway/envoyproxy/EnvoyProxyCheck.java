package dev.tollgate.translator.gateway.envoyproxy;

import dev.tollgate.translator.gateway.backend.BackendResolver;
import dev.tollgate.translator.json.Binder;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import dev.tollgate.translator.model.envoygateway.EnvoyProxySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one EnvoyProxy: what it sets that Tollgate uses, what makes it unusable, and what it
 * sets that Tollgate ignores. An EnvoyProxy without a spec is the defaults.
 */
final class EnvoyProxyCheck {

  private static final String HTTP_FILTER_PREFIX = "envoy.filters.http.";
  private static final String ROUTER = "envoy.filters.http.router";

  /**
   * @param spec the settings, or null when {@code errors} make the EnvoyProxy unusable
   * @param notImplemented fields that are set and ignored, as paths
   */
  record Checked(EnvoyProxySpec spec, List<String> errors, List<String> notImplemented) {
    boolean usable() {
      return errors.isEmpty();
    }
  }

  private final TelemetryCheck telemetry;

  EnvoyProxyCheck(BackendResolver backends) {
    this.telemetry = new TelemetryCheck(backends);
  }

  Checked check(EnvoyGatewayPolicy proxy) {
    // Fields about deploying proxies are not Tollgate's concern: unknown fields are not errors.
    Binder.Result<EnvoyProxySpec> bound = Binder.bind(proxy.spec(), EnvoyProxySpec.class);
    if (!bound.ok()) {
      return new Checked(null, List.of(bound.errorUnder("spec")), List.of());
    }
    List<String> errors = filterOrderProblems(bound.value());
    TelemetryCheck.Findings findings = telemetry.check(proxy.key(), bound.value().telemetry());
    errors.addAll(findings.errors());
    return new Checked(errors.isEmpty() ? bound.value() : null, List.copyOf(errors), findings.notImplemented());
  }

  private static List<String> filterOrderProblems(EnvoyProxySpec spec) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < spec.filterOrder().size(); i++) {
      EnvoyProxySpec.FilterPosition p = spec.filterOrder().get(i);
      String at = "spec.filterOrder[" + i + "]";
      if ((p.before() == null) == (p.after() == null)) {
        problems.add(at + ": exactly one of before and after must be set");
      }
      for (String name : new String[] {p.name(), p.before(), p.after()}) {
        if (name != null && !name.startsWith(HTTP_FILTER_PREFIX)) {
          problems.add(at + ": \"" + name + "\" is not an HTTP filter name (" + HTTP_FILTER_PREFIX + "...)");
        }
      }
      if (p.name() == null) {
        problems.add(at + ".name: is required");
      } else if (p.name().equals(ROUTER) || ROUTER.equals(p.after())) {
        problems.add(at + ": the router filter is always last: it cannot be moved, nor anything placed after it");
      }
    }
    return problems;
  }
}

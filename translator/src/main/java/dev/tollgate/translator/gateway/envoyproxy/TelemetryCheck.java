package dev.tollgate.translator.gateway.envoyproxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.admission.FieldPaths;
import dev.tollgate.translator.gateway.backend.BackendRequest;
import dev.tollgate.translator.gateway.backend.BackendResolution;
import dev.tollgate.translator.gateway.backend.BackendResolver;
import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.json.Binder;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.envoygateway.EnvoyProxyTelemetry;
import dev.tollgate.translator.model.envoygateway.EnvoyProxyTelemetry.AccessLogSink;
import dev.tollgate.translator.model.envoygateway.EnvoyProxyTelemetry.Collector;
import dev.tollgate.translator.model.gatewayapi.BackendRef;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks an EnvoyProxy's {@code spec.telemetry}, which Tollgate does not implement: every field
 * set under it is reported as ignored, and what could never work is an error — a file sink
 * without a path, a collector whose backend does not exist or may not be referred to. Those
 * errors make the EnvoyProxy unusable, as Envoy Gateway refuses a Gateway whose telemetry
 * backends cannot be resolved: manifests it rejects are rejected here too, and a typo is not
 * found only once telemetry is implemented.
 */
final class TelemetryCheck {

  private static final String AT = "spec.telemetry";
  /** What Tollgate never does with a telemetry backend (connect to it) cannot make it wrong. */
  private static final Set<String> BROKEN_REFERENCE =
      Set.of(Reason.BACKEND_NOT_FOUND, Reason.REF_NOT_PERMITTED, Reason.INVALID_KIND);

  /** @param notImplemented the fields set under {@code spec.telemetry}, sorted */
  record Findings(List<String> errors, List<String> notImplemented) {}

  private final BackendResolver backends;

  TelemetryCheck(BackendResolver backends) {
    this.backends = backends;
  }

  Findings check(ObjectKey proxy, JsonNode telemetry) {
    List<String> errors = new ArrayList<>();
    if (telemetry == null || !telemetry.isObject() || telemetry.isEmpty()) {
      return new Findings(errors, List.of());
    }
    Set<String> set = new TreeSet<>();
    for (Iterator<String> it = telemetry.fieldNames(); it.hasNext(); ) {
      set.add(FieldPaths.child(AT, it.next()));
    }
    Binder.Result<EnvoyProxyTelemetry> bound = Binder.bind(telemetry, EnvoyProxyTelemetry.class);
    if (!bound.ok()) {
      errors.add(bound.errorUnder(AT));
      return new Findings(errors, List.copyOf(set));
    }
    EnvoyProxyTelemetry t = bound.value();
    if (t.accessLog() != null) {
      accessLog(proxy, t.accessLog(), errors);
    }
    if (t.metrics() != null) {
      for (int i = 0; i < t.metrics().sinks().size(); i++) {
        var sink = t.metrics().sinks().get(i);
        collector(proxy, sink.openTelemetry(), FieldPaths.index(AT + ".metrics.sinks", i) + ".openTelemetry", errors);
      }
    }
    if (t.tracing() != null) {
      collector(proxy, t.tracing().provider(), AT + ".tracing.provider", errors);
    }
    return new Findings(errors, List.copyOf(set));
  }

  private void accessLog(ObjectKey proxy, EnvoyProxyTelemetry.AccessLog log, List<String> errors) {
    for (int i = 0; i < log.settings().size(); i++) {
      List<AccessLogSink> sinks = log.settings().get(i).sinks();
      for (int j = 0; j < sinks.size(); j++) {
        AccessLogSink sink = sinks.get(j);
        String at = FieldPaths.index(FieldPaths.index(AT + ".accessLog.settings", i) + ".sinks", j);
        if ("File".equals(sink.type())) {
          if (sink.file() == null) {
            errors.add(at + ".file: is required for a File sink");
          } else if (sink.file().path() == null || sink.file().path().isEmpty()) {
            errors.add(at + ".file.path: is required: the file the access log is written to");
          }
        }
        collector(proxy, sink.openTelemetry(), at + ".openTelemetry", errors);
        collector(proxy, sink.als(), at + ".als", errors);
      }
    }
  }

  private void collector(ObjectKey proxy, Collector collector, String at, List<String> errors) {
    if (collector == null) {
      return;
    }
    for (int i = 0; i < collector.backendRefs().size(); i++) {
      BackendRef ref = collector.backendRefs().get(i);
      BackendResolution resolution = backends.resolve(proxy, Kinds.ENVOY_GATEWAY_GROUP, ref.object(), BackendRequest.Purpose.POLICY);
      if (resolution instanceof BackendResolution.Unresolved u && BROKEN_REFERENCE.contains(u.reason())) {
        errors.add(FieldPaths.index(at + ".backendRefs", i) + ": " + u.message());
      }
    }
  }
}

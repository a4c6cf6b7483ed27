package dev.tollgate.translator.model.envoygateway;

import dev.tollgate.translator.model.gatewayapi.BackendRef;
import java.util.List;

/**
 * The parts of an EnvoyProxy's {@code spec.telemetry} that Tollgate checks. Tollgate implements
 * none of telemetry; it still refuses what could never work (a file sink without a path, a
 * collector that does not exist) rather than accept it silently.
 */
public record EnvoyProxyTelemetry(AccessLog accessLog, Metrics metrics, Tracing tracing) {

  public record AccessLog(List<AccessLogSetting> settings) {
    public AccessLog {
      settings = settings == null ? List.of() : settings;
    }
  }

  public record AccessLogSetting(List<AccessLogSink> sinks) {
    public AccessLogSetting {
      sinks = sinks == null ? List.of() : sinks;
    }
  }

  /** {@code type} is File, OpenTelemetry or ALS, with the field of that name set. */
  public record AccessLogSink(String type, FileSink file, Collector openTelemetry, Collector als) {}

  public record FileSink(String path) {}

  /** Anything that sends telemetry to backends: an OpenTelemetry or ALS sink, a tracing provider. */
  public record Collector(List<BackendRef> backendRefs) {
    public Collector {
      backendRefs = backendRefs == null ? List.of() : backendRefs;
    }
  }

  public record Metrics(List<MetricSink> sinks) {
    public Metrics {
      sinks = sinks == null ? List.of() : sinks;
    }
  }

  public record MetricSink(String type, Collector openTelemetry) {}

  public record Tracing(Collector provider) {}
}

package dev.tollgate.review.routes;

import com.google.protobuf.Any;
import dev.tollgate.review.envoy.HttpRequest;
import dev.tollgate.review.envoy.PerFilterConfigs;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthz;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthzPerRoute;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.Map;
import java.util.TreeMap;

/**
 * External authorization on a route: the service it asks (gRPC or HTTP, its cluster and where
 * that cluster's endpoints are), and whether a request is refused when the service cannot answer
 * ({@code failure_mode_allow} unset: fail closed). A per-route {@code disabled} turns it off.
 */
final class ExtAuthzReading {

  private ExtAuthzReading() {}

  static void read(StepBuilder step, HttpFilter f, Any perRoute, GatewayConfig config, HttpRequest request) {
    ExtAuthz ext = PerFilterConfigs.unpack(f.getTypedConfig(), ExtAuthz.class);
    if (perRoute != null && perRoute.is(ExtAuthzPerRoute.class)) {
      ExtAuthzPerRoute pr = PerFilterConfigs.unpack(perRoute, ExtAuthzPerRoute.class);
      if (pr.getDisabled()) {
        step.off("disabled on this route (per-route disabled)");
        return;
      }
      Map<String, String> context = new TreeMap<>(pr.getCheckSettings().getContextExtensionsMap());
      if (!context.isEmpty()) {
        step.detail("context extensions " + context);
      }
    }
    boolean closed = !ext.getFailureModeAllow();
    step.protects(Protection.EXT_AUTHZ, closed);
    String cluster = null;
    if (ext.hasGrpcService()) {
      if (ext.getGrpcService().hasEnvoyGrpc()) {
        cluster = ext.getGrpcService().getEnvoyGrpc().getClusterName();
        step.detail("gRPC authorization service, cluster " + cluster);
      } else {
        step.detail("gRPC authorization service " + ext.getGrpcService().getGoogleGrpc().getTargetUri());
      }
    } else if (ext.hasHttpService()) {
      cluster = ext.getHttpService().getServerUri().getCluster();
      step.detail("HTTP authorization service " + ext.getHttpService().getServerUri().getUri() + ", cluster " + cluster);
    }
    Endpoints endpoints = null;
    if (cluster != null) {
      endpoints = Endpoints.of(config, cluster);
      step.detail("service endpoints: " + endpoints.addresses());
      NameSources.of(cluster).ifPresent(k -> step.from.add(k.toString()));
    }
    int onError = ext.hasStatusOnError() && ext.getStatusOnError().getCodeValue() != 0 ? ext.getStatusOnError().getCodeValue() : 403;
    step.detail(closed ? "fails closed: when the service cannot answer, Envoy answers " + onError
        : "fails OPEN: when the service cannot answer, the request goes on unchecked (failure_mode_allow)");
    if (ext.hasFilterEnabled()) {
      step.detail("runs only on a runtime fraction of requests (filter_enabled)");
    }
    if (ext.hasAllowedHeaders()) {
      step.detail("sends headers " + String.join(", ", ext.getAllowedHeaders().getPatternsList().stream()
          .map(dev.tollgate.review.envoy.StringMatching::describe).toList()));
    }
    if (ext.hasWithRequestBody()) {
      step.detail("sends the body, up to " + ext.getWithRequestBody().getMaxRequestBytes() + " bytes");
    }
    if (request != null) {
      boolean none = endpoints != null && endpoints.endpoints().isEmpty() && endpoints.note() != null
          && !endpoints.type().equals("ORIGINAL_DST");
      step.decision = none && closed ? FilterStep.Decision.denied(onError, "the service has no endpoints")
          : FilterStep.Decision.unknown("the authorization service decides");
    }
  }
}

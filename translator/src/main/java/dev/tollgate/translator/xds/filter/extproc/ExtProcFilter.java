package dev.tollgate.translator.xds.filter.extproc;

import dev.tollgate.translator.ir.ExtensionsIr;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.Protos;
import dev.tollgate.translator.xds.XdsStage;
import dev.tollgate.translator.xds.filter.HttpFilterContributor;
import dev.tollgate.translator.xds.filter.PerRouteFilters;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.extensions.filters.http.ext_proc.v3.ExternalProcessor;
import io.envoyproxy.envoy.extensions.filters.http.ext_proc.v3.MetadataOptions;
import io.envoyproxy.envoy.extensions.filters.http.ext_proc.v3.ProcessingMode;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;

/**
 * Envoy's external processing filter, one per processor of an EnvoyExtensionPolicy, reached over
 * gRPC (a Service, or a Backend such as a unix socket), disabled on the listener and enabled on
 * the policy's routes. Runs after the Lua scripts and after authentication and authorization.
 */
public final class ExtProcFilter implements HttpFilterContributor {

  public static final String NAME = "envoy.filters.http.ext_proc";

  @Override
  public String filterName() {
    return NAME;
  }

  @Override
  public int order() {
    return 400;
  }

  @Override
  public List<HttpFilter> httpFilters(GatewayIr gateway, List<HttpListenerIr> listeners) {
    return PerRouteFilters.disabledEach(listeners, ExtProcFilter::processors, ExtensionsIr.ExtProc::filterName, ExtProcFilter::config);
  }

  @Override
  public void configureRoute(RouteIr route, Route.Builder envoyRoute) {
    processors(route).forEach(p -> PerRouteFilters.enable(envoyRoute, p.filterName()));
  }

  @Override
  public void addResources(GatewayIr gateway, GatewayXds.Builder out) {
    for (HttpListenerIr l : gateway.httpListeners()) {
      for (RouteIr r : l.routes()) {
        processors(r).forEach(p -> XdsStage.addDestination(out, p.destination()));
      }
    }
  }

  static ExternalProcessor config(ExtensionsIr.ExtProc p) {
    ProcessingMode.Builder mode = ProcessingMode.newBuilder()
        .setRequestHeaderMode(p.requestHeaders() ? ProcessingMode.HeaderSendMode.SEND : ProcessingMode.HeaderSendMode.SKIP)
        .setResponseHeaderMode(p.responseHeaders() ? ProcessingMode.HeaderSendMode.SEND : ProcessingMode.HeaderSendMode.SKIP)
        .setRequestBodyMode(body(p.requestBody()))
        .setResponseBodyMode(body(p.responseBody()));
    // Envoy requires trailers to be sent with a full-duplex streamed body.
    if ("FullDuplexStreamed".equals(p.requestBody())) {
      mode.setRequestTrailerMode(ProcessingMode.HeaderSendMode.SEND);
    }
    if ("FullDuplexStreamed".equals(p.responseBody())) {
      mode.setResponseTrailerMode(ProcessingMode.HeaderSendMode.SEND);
    }
    ExternalProcessor.Builder b = ExternalProcessor.newBuilder()
        .setGrpcService(GrpcService.newBuilder()
            .setEnvoyGrpc(GrpcService.EnvoyGrpc.newBuilder().setClusterName(p.destination().name()).setAuthority(p.authority())))
        .setFailureModeAllow(p.failOpen())
        .setMessageTimeout(Protos.millis(p.messageTimeoutMillis()))
        .setProcessingMode(mode)
        .addAllRequestAttributes(p.requestAttributes())
        .addAllResponseAttributes(p.responseAttributes())
        .setAllowModeOverride(p.allowModeOverride())
        .setObservabilityMode(p.shadow());
    if (!p.forwardedMetadata().isEmpty() || !p.receivedMetadata().isEmpty()) {
      b.setMetadataOptions(MetadataOptions.newBuilder()
          .setForwardingNamespaces(MetadataOptions.MetadataNamespaces.newBuilder().addAllUntyped(p.forwardedMetadata()))
          .setReceivingNamespaces(MetadataOptions.MetadataNamespaces.newBuilder().addAllUntyped(p.receivedMetadata())));
    }
    return b.build();
  }

  private static ProcessingMode.BodySendMode body(String mode) {
    if (mode == null) {
      return ProcessingMode.BodySendMode.NONE;
    }
    return switch (mode) {
      case "Streamed" -> ProcessingMode.BodySendMode.STREAMED;
      case "Buffered" -> ProcessingMode.BodySendMode.BUFFERED;
      case "BufferedPartial" -> ProcessingMode.BodySendMode.BUFFERED_PARTIAL;
      case "FullDuplexStreamed" -> ProcessingMode.BodySendMode.FULL_DUPLEX_STREAMED;
      default -> throw new IllegalArgumentException("body mode " + mode + " was not checked");
    };
  }

  private static List<ExtensionsIr.ExtProc> processors(RouteIr r) {
    return r.extensionFilters() == null ? List.of() : r.extensionFilters().extProc();
  }
}

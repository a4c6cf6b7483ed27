package dev.tollgate.translator.xds;

import com.google.protobuf.Any;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.xds.filter.FilterOrdering;
import dev.tollgate.translator.xds.filter.HttpFilterContributor;
import dev.tollgate.translator.xds.filter.rbac.RbacFilter;
import io.envoyproxy.envoy.config.accesslog.v3.AccessLog;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.SubstitutionFormatString;
import io.envoyproxy.envoy.config.core.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.extensions.access_loggers.stream.v3.StdoutAccessLog;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import java.util.ArrayList;
import java.util.List;

/** Builds the HTTP connection manager network filter, with the HTTP filters its routes need. */
final class ConnectionManagerBuilder {

  static final String NAME = "envoy.filters.network.http_connection_manager";
  private static final String STDOUT_ACCESS_LOG = "envoy.access_loggers.stdout";
  /**
   * Envoy's default access log line followed by the RBAC filter's dynamic metadata, so the
   * decisions of shadow rules (what they would have denied) are in the log next to the request.
   */
  static final String SHADOW_LOG_FORMAT = "[%START_TIME%] \"%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%\" "
      + "%RESPONSE_CODE% %RESPONSE_FLAGS% %BYTES_RECEIVED% %BYTES_SENT% %DURATION% %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% "
      + "\"%REQ(X-FORWARDED-FOR)%\" \"%REQ(USER-AGENT)%\" \"%REQ(X-REQUEST-ID)%\" \"%REQ(:AUTHORITY)%\" \"%UPSTREAM_HOST%\" "
      + "rbac=%DYNAMIC_METADATA(" + RbacFilter.NAME + ")%\n";

  private final List<HttpFilterContributor> filters;

  ConnectionManagerBuilder(List<HttpFilterContributor> filters) {
    this.filters = filters;
  }

  /**
   * @param listeners the Gateway listeners this connection manager serves
   * @param routeConfigName the RDS resource it fetches
   */
  Filter build(GatewayIr gateway, List<HttpListenerIr> listeners, String routeConfigName, String statPrefix) {
    HttpConnectionManager.Builder hcm = HttpConnectionManager.newBuilder()
        .setStatPrefix(statPrefix)
        .setRds(Rds.newBuilder().setConfigSource(Protos.ADS).setRouteConfigName(routeConfigName))
        .setUseRemoteAddress(Protos.bool(true))
        .setNormalizePath(Protos.bool(true))
        .setMergeSlashes(true)
        .setPathWithEscapedSlashesAction(HttpConnectionManager.PathWithEscapedSlashesAction.UNESCAPE_AND_REDIRECT)
        .setCommonHttpProtocolOptions(HttpProtocolOptions.newBuilder()
            .setHeadersWithUnderscoresAction(HttpProtocolOptions.HeadersWithUnderscoresAction.REJECT_REQUEST))
        .setHttp2ProtocolOptions(Http2ProtocolOptions.newBuilder()
            .setMaxConcurrentStreams(Protos.u32(100))
            .setInitialStreamWindowSize(Protos.u32(65536))
            .setInitialConnectionWindowSize(Protos.u32(1048576)))
        .setServerHeaderTransformation(HttpConnectionManager.ServerHeaderTransformation.PASS_THROUGH)
        .addAccessLog(AccessLog.newBuilder().setName(STDOUT_ACCESS_LOG)
            .setTypedConfig(Any.pack(accessLog(listeners))));
    List<HttpFilter> chain = new ArrayList<>();
    for (HttpFilterContributor f : filters) {
      chain.addAll(f.httpFilters(gateway, listeners));
    }
    hcm.addAllHttpFilters(FilterOrdering.apply(chain, gateway.filterOrder()));
    return Filter.newBuilder().setName(NAME).setTypedConfig(Any.pack(hcm.build())).build();
  }

  private static StdoutAccessLog accessLog(List<HttpListenerIr> listeners) {
    if (!RbacFilter.anyShadow(listeners)) {
      return StdoutAccessLog.getDefaultInstance();
    }
    return StdoutAccessLog.newBuilder().setLogFormat(SubstitutionFormatString.newBuilder()
        .setTextFormatSource(DataSource.newBuilder().setInlineString(SHADOW_LOG_FORMAT))).build();
  }
}

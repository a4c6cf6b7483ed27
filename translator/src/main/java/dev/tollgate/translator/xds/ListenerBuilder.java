package dev.tollgate.translator.xds;

import com.google.protobuf.Any;
import dev.tollgate.translator.gateway.Hostnames;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.TlsIr;
import dev.tollgate.translator.naming.XdsNames;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one Envoy listener for all Gateway listeners on a port. Plain HTTP listeners share one
 * connection manager in the default filter chain and one route configuration named after the
 * first; HTTPS listeners each get a filter chain selected by SNI and a route configuration of
 * their own.
 */
final class ListenerBuilder {

  static final String TLS_INSPECTOR = "envoy.filters.listener.tls_inspector";
  static final String TLS_TRANSPORT_SOCKET = "envoy.transport_sockets.tls";
  private static final int BUFFER_LIMIT = 32768;

  private final ConnectionManagerBuilder connectionManagers;
  private final RouteConfigBuilder routeConfigs;

  ListenerBuilder(ConnectionManagerBuilder connectionManagers, RouteConfigBuilder routeConfigs) {
    this.connectionManagers = connectionManagers;
    this.routeConfigs = routeConfigs;
  }

  /** The listener and the route configurations it refers to. */
  record Built(Listener listener, List<RouteConfiguration> routeConfigs) {}

  /** @param sharingPort the Gateway listeners on one port, in the Gateway's order */
  Built build(GatewayIr gateway, List<HttpListenerIr> sharingPort) {
    HttpListenerIr first = sharingPort.get(0);
    int port = XdsNames.containerPort(first.port());
    Listener.Builder listener = Listener.newBuilder()
        .setName(first.name())
        .setAddress(Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress(first.address()).setPortValue(port)))
        .setPerConnectionBufferLimitBytes(Protos.u32(BUFFER_LIMIT));
    List<RouteConfiguration> configs = new ArrayList<>();
    if (!first.isTls()) {
      listener.setDefaultFilterChain(FilterChain.newBuilder()
          .setName(first.name())
          .addFilters(connectionManagers.build(gateway, sharingPort, first.name(), XdsNames.statPrefix(false, port))));
      configs.add(routeConfigs.build(first.name(), sharingPort));
      return new Built(listener.build(), configs);
    }
    boolean sni = false;
    for (HttpListenerIr l : sharingPort) {
      FilterChain.Builder chain = FilterChain.newBuilder()
          .setName(l.name())
          .addFilters(connectionManagers.build(gateway, List.of(l), l.name(), XdsNames.statPrefix(true, port)))
          .setTransportSocket(tlsSocket(l.tls()));
      if (!l.hostname().equals(Hostnames.ANY)) {
        chain.setFilterChainMatch(FilterChainMatch.newBuilder().addServerNames(l.hostname()));
        sni = true;
      }
      listener.addFilterChains(chain);
      configs.add(routeConfigs.build(l.name(), List.of(l)));
    }
    if (sni) {
      listener.addListenerFilters(ListenerFilter.newBuilder().setName(TLS_INSPECTOR)
          .setTypedConfig(Any.pack(TlsInspector.getDefaultInstance())));
    }
    return new Built(listener.build(), configs);
  }

  private static TransportSocket tlsSocket(TlsIr tls) {
    CommonTlsContext.Builder common = CommonTlsContext.newBuilder().addAllAlpnProtocols(tls.alpnProtocols());
    for (TlsIr.CertificateIr cert : tls.certificates()) {
      common.addTlsCertificateSdsSecretConfigs(SdsSecretConfig.newBuilder().setName(cert.name()).setSdsConfig(Protos.ADS));
    }
    DownstreamTlsContext context = DownstreamTlsContext.newBuilder().setCommonTlsContext(common).build();
    return TransportSocket.newBuilder().setName(TLS_TRANSPORT_SOCKET).setTypedConfig(Any.pack(context)).build();
  }
}

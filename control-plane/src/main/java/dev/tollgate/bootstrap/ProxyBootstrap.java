package dev.tollgate.bootstrap;

import com.google.protobuf.Any;
import dev.tollgate.app.NetworkAddress;
import dev.tollgate.translator.xds.Protos;
import io.envoyproxy.envoy.config.bootstrap.v3.Admin;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.ApiConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.config.core.v3.Pipe;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.core.v3.TypedExtensionConfig;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.extensions.filters.http.credential_injector.v3.CredentialInjector;
import io.envoyproxy.envoy.extensions.filters.http.upstream_codec.v3.UpstreamCodec;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.http.injected_credentials.generic.v3.Generic;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsCertificate;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;

/**
 * The Envoy bootstrap of one Gateway's proxy: its node names the Gateway, everything else comes
 * over ADS from Tollgate. {@code tollgate bootstrap} prints it and the infrastructure renderer
 * puts it in each Gateway's ConfigMap, so a proxy started by hand and one Tollgate runs are alike.
 *
 * @param gateway {@code namespace/name}
 * @param nodeId the node id; null for the Gateway's name with {@code -envoy}
 * @param tlsCa verify Tollgate against this CA file (enables TLS); null for plaintext
 * @param tlsCertificate client certificate file for mutual TLS, or null
 * @param tlsKey its private key file, or null
 * @param tokenFile the projected ServiceAccount token to send, or null
 * @param tokenSdsFile where Envoy finds the token's secret; null for beside the token
 * @param readinessPort a port for kubelet probes ({@link ReadinessListener}); 0 for none
 */
public record ProxyBootstrap(String gateway, NetworkAddress xdsAddress, String nodeId, int adminPort, boolean delta,
    String tlsCa, String tlsCertificate, String tlsKey, String tokenFile, String tokenSdsFile, int readinessPort) {

  public static final String XDS_CLUSTER = "tollgate_xds";
  public static final String DEFAULT_TOKEN_FILE = "/var/run/secrets/tokens/tollgate-xds";

  public Bootstrap build() {
    ApiConfigSource.ApiType api = delta ? ApiConfigSource.ApiType.DELTA_GRPC : ApiConfigSource.ApiType.GRPC;
    Bootstrap.StaticResources.Builder statics = Bootstrap.StaticResources.newBuilder().addClusters(xdsCluster());
    if (readinessPort > 0) {
      statics.addListeners(ReadinessListener.listener(readinessPort));
    }
    return Bootstrap.newBuilder()
        .setNode(Node.newBuilder().setId(nodeId != null ? nodeId : gateway.replace('/', '-') + "-envoy").setCluster(gateway))
        .setAdmin(Admin.newBuilder().setAddress(Address.newBuilder()
            .setSocketAddress(SocketAddress.newBuilder().setAddress("127.0.0.1").setPortValue(adminPort))))
        .setDynamicResources(Bootstrap.DynamicResources.newBuilder()
            .setAdsConfig(ApiConfigSource.newBuilder().setApiType(api).setTransportApiVersion(ApiVersion.V3)
                .setSetNodeOnFirstMessageOnly(true)
                .addGrpcServices(GrpcService.newBuilder().setEnvoyGrpc(GrpcService.EnvoyGrpc.newBuilder().setClusterName(XDS_CLUSTER))))
            .setLdsConfig(Protos.ADS)
            .setCdsConfig(Protos.ADS))
        .setStaticResources(statics)
        .build();
  }

  /** HTTP/2 to Tollgate; with a token, Envoy's credential injector adds it to every request on the xDS cluster. */
  private HttpProtocolOptions xdsProtocolOptions() {
    HttpProtocolOptions.Builder options = HttpProtocolOptions.newBuilder().setExplicitHttpConfig(
        HttpProtocolOptions.ExplicitHttpConfig.newBuilder().setHttp2ProtocolOptions(Http2ProtocolOptions.getDefaultInstance()));
    if (tokenFile != null) {
      options.addHttpFilters(HttpFilter.newBuilder().setName("envoy.filters.http.credential_injector")
          .setTypedConfig(Any.pack(CredentialInjector.newBuilder().setOverwrite(true)
              .setCredential(TypedExtensionConfig.newBuilder().setName("envoy.http.injected_credentials.generic")
                  .setTypedConfig(Any.pack(Generic.newBuilder()
                      .setCredential(XdsToken.secretConfig(tokenFile, tokenSdsFile)).build())))
              .build())));
      options.addHttpFilters(HttpFilter.newBuilder().setName("envoy.filters.http.upstream_codec")
          .setTypedConfig(Any.pack(UpstreamCodec.getDefaultInstance())));
    }
    return options.build();
  }

  private Cluster xdsCluster() {
    Address address;
    boolean dns = false;
    if (xdsAddress instanceof NetworkAddress.Tcp tcp) {
      address = Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress(tcp.host()).setPortValue(tcp.port())).build();
      dns = !tcp.isIpLiteral();
    } else {
      address = Address.newBuilder().setPipe(Pipe.newBuilder().setPath(((NetworkAddress.Unix) xdsAddress).path())).build();
    }
    Cluster.Builder c = Cluster.newBuilder()
        .setName(XDS_CLUSTER)
        .setType(dns ? Cluster.DiscoveryType.STRICT_DNS : Cluster.DiscoveryType.STATIC)
        .setConnectTimeout(Protos.seconds(5))
        .putTypedExtensionProtocolOptions("envoy.extensions.upstreams.http.v3.HttpProtocolOptions", Any.pack(xdsProtocolOptions()))
        .setLoadAssignment(ClusterLoadAssignment.newBuilder().setClusterName(XDS_CLUSTER)
            .addEndpoints(LocalityLbEndpoints.newBuilder().addLbEndpoints(LbEndpoint.newBuilder()
                .setEndpoint(Endpoint.newBuilder().setAddress(address)))));
    if (tlsCa != null) {
      CommonTlsContext.Builder common = CommonTlsContext.newBuilder().setValidationContext(
          CertificateValidationContext.newBuilder().setTrustedCa(DataSource.newBuilder().setFilename(tlsCa)));
      if (tlsCertificate != null) {
        common.addTlsCertificates(TlsCertificate.newBuilder()
            .setCertificateChain(DataSource.newBuilder().setFilename(tlsCertificate))
            .setPrivateKey(DataSource.newBuilder().setFilename(tlsKey == null ? "" : tlsKey)));
      }
      c.setTransportSocket(TransportSocket.newBuilder().setName("envoy.transport_sockets.tls")
          .setTypedConfig(Any.pack(UpstreamTlsContext.newBuilder().setCommonTlsContext(common).build())));
    }
    return c.build();
  }
}

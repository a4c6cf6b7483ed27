package dev.tollgate.translator.xds;

import com.google.protobuf.Any;
import dev.tollgate.translator.ir.BackendIr;
import dev.tollgate.translator.ir.DestinationIr;
import dev.tollgate.translator.ir.EndpointIr;
import io.envoyproxy.envoy.config.cluster.v3.CircuitBreakers;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.HealthStatus;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.Locality;
import io.envoyproxy.envoy.config.core.v3.Pipe;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;

/**
 * Builds the cluster of a destination and its load assignment: one locality per backendRef,
 * weighted by the backendRef's weight, so one cluster serves a weighted rule. Endpoints come over
 * EDS, except for destinations with DNS names, which the proxy resolves itself (STRICT_DNS, the
 * assignment inline).
 */
public final class ClusterBuilder {

  public static final String HTTP_PROTOCOL_OPTIONS = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";
  private static final int BUFFER_LIMIT = 32768;

  private ClusterBuilder() {}

  /** Whether the destination's endpoints are served as a separate load assignment (EDS). */
  public static boolean usesEds(DestinationIr d) {
    return d.backends().stream().flatMap(b -> b.endpoints().stream()).noneMatch(e -> e.type() == EndpointIr.Type.FQDN);
  }

  public static Cluster cluster(DestinationIr d) {
    Cluster.Builder c = Cluster.newBuilder().setName(d.name());
    if (usesEds(d)) {
      c.setType(Cluster.DiscoveryType.EDS)
          .setEdsClusterConfig(Cluster.EdsClusterConfig.newBuilder().setEdsConfig(Protos.ADS).setServiceName(d.name()));
    } else {
      c.setType(Cluster.DiscoveryType.STRICT_DNS)
          .setLoadAssignment(loadAssignment(d))
          .setDnsLookupFamily(Cluster.DnsLookupFamily.V4_PREFERRED)
          .setRespectDnsTtl(true)
          .setDnsRefreshRate(Protos.seconds(30));
    }
    c.setConnectTimeout(Protos.seconds(10))
        .setLbPolicy(Cluster.LbPolicy.LEAST_REQUEST)
        .setCommonLbConfig(Cluster.CommonLbConfig.newBuilder()
            .setLocalityWeightedLbConfig(Cluster.CommonLbConfig.LocalityWeightedLbConfig.getDefaultInstance()))
        .setPerConnectionBufferLimitBytes(Protos.u32(BUFFER_LIMIT))
        .setCircuitBreakers(CircuitBreakers.newBuilder()
            .addThresholds(CircuitBreakers.Thresholds.newBuilder().setMaxRetries(Protos.u32(1024))))
        .setIgnoreHealthOnHostRemoval(true);
    if (d.protocol() == DestinationIr.Protocol.HTTP2) {
      c.putTypedExtensionProtocolOptions(HTTP_PROTOCOL_OPTIONS, Any.pack(http2Options()));
    }
    return c.build();
  }

  static HttpProtocolOptions http2Options() {
    return HttpProtocolOptions.newBuilder()
        .setExplicitHttpConfig(HttpProtocolOptions.ExplicitHttpConfig.newBuilder()
            .setHttp2ProtocolOptions(Http2ProtocolOptions.getDefaultInstance()))
        .build();
  }

  public static ClusterLoadAssignment loadAssignment(DestinationIr d) {
    ClusterLoadAssignment.Builder cla = ClusterLoadAssignment.newBuilder().setClusterName(d.name());
    for (BackendIr backend : d.backends()) {
      LocalityLbEndpoints.Builder locality = LocalityLbEndpoints.newBuilder()
          .setLocality(Locality.newBuilder().setRegion(backend.name()))
          .setLoadBalancingWeight(Protos.u32(backend.weight()));
      for (EndpointIr e : backend.endpoints()) {
        locality.addLbEndpoints(LbEndpoint.newBuilder()
            .setEndpoint(Endpoint.newBuilder().setAddress(address(e)))
            .setHealthStatus(e.ready() ? HealthStatus.HEALTHY : HealthStatus.DRAINING)
            .setLoadBalancingWeight(Protos.u32(1)));
      }
      cla.addEndpoints(locality);
    }
    return cla.build();
  }

  private static Address address(EndpointIr e) {
    if (e.type() == EndpointIr.Type.UNIX) {
      return Address.newBuilder().setPipe(Pipe.newBuilder().setPath(e.address())).build();
    }
    return Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress(e.address()).setPortValue(e.port())).build();
  }
}

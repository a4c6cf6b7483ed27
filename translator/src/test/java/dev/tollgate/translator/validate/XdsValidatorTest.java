package dev.tollgate.translator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import dev.tollgate.translator.xds.Protos;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.config.core.v3.HttpUri;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthz;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtProvider;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.RemoteJwks;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cross references and Envoy's code-enforced rules, on real Envoy messages. */
class XdsValidatorTest {

  private final XdsValidator validator = new XdsValidator();

  private static final HttpFilter ROUTER = HttpFilter.newBuilder().setName("envoy.filters.http.router")
      .setTypedConfig(Any.pack(Router.getDefaultInstance())).build();

  private static Listener listener(String routeConfig, HttpFilter... filters) {
    HttpConnectionManager.Builder hcm = HttpConnectionManager.newBuilder().setStatPrefix("http")
        .setRds(Rds.newBuilder().setConfigSource(Protos.ADS).setRouteConfigName(routeConfig));
    for (HttpFilter f : filters) {
      hcm.addHttpFilters(f);
    }
    return Listener.newBuilder().setName("l")
        .setAddress(Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress("0.0.0.0").setPortValue(80)))
        .setDefaultFilterChain(FilterChain.newBuilder().addFilters(Filter.newBuilder()
            .setName("envoy.filters.network.http_connection_manager").setTypedConfig(Any.pack(hcm.build()))))
        .build();
  }

  private static RouteConfiguration routes(String name, RouteAction.Builder action) {
    return RouteConfiguration.newBuilder().setName(name).addVirtualHosts(VirtualHost.newBuilder().setName("vh").addDomains("*")
        .addRoutes(Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix("/")).setRoute(action))).build();
  }

  private static Cluster edsCluster(String name) {
    return Cluster.newBuilder().setName(name).setType(Cluster.DiscoveryType.EDS).setConnectTimeout(Protos.seconds(1))
        .setEdsClusterConfig(Cluster.EdsClusterConfig.newBuilder().setEdsConfig(Protos.ADS).setServiceName(name)).build();
  }

  private static ClusterLoadAssignment endpoints(String name) {
    return ClusterLoadAssignment.newBuilder().setClusterName(name).build();
  }

  private List<String> validate(Message... resources) {
    Map<XdsType, List<Message>> byType = new EnumMap<>(XdsType.class);
    for (Message m : resources) {
      XdsType t = XdsType.fromTypeUrl("type.googleapis.com/" + m.getDescriptorForType().getFullName()).orElseThrow();
      byType.computeIfAbsent(t, k -> new ArrayList<>()).add(m);
    }
    return validator.validate(byType).stream().map(Violation::toString).toList();
  }

  @Test
  void validate_consistentResources_haveNoViolations() {
    assertThat(validate(listener("rc", ROUTER), routes("rc", RouteAction.newBuilder().setCluster("c")),
        edsCluster("c"), endpoints("c"))).isEmpty();
  }

  @Test
  void listener_namingMissingRouteConfiguration_isReported() {
    assertThat(validate(listener("missing", ROUTER))).containsExactly(
        "listener l: default_filter_chain.filters[0].typed_config.rds.route_config_name: route configuration \"missing\" does not exist");
  }

  @Test
  void route_namingMissingCluster_isReported() {
    assertThat(validate(routes("rc", RouteAction.newBuilder().setCluster("missing-cluster")))).containsExactly(
        "route configuration rc: virtual_hosts[0].routes[0].route.cluster: cluster \"missing-cluster\" does not exist");
  }

  @Test
  void weightedAndMirrorClusters_mustExistUnlessTheRouteAnswersMissingOnesWithAnError() {
    RouteAction.Builder action = RouteAction.newBuilder()
        .setWeightedClusters(WeightedCluster.newBuilder()
            .addClusters(WeightedCluster.ClusterWeight.newBuilder().setName("c").setWeight(Protos.u32(1)))
            .addClusters(WeightedCluster.ClusterWeight.newBuilder().setName("gone").setWeight(Protos.u32(1))))
        .addRequestMirrorPolicies(RouteAction.RequestMirrorPolicy.newBuilder().setCluster("shadow"));
    assertThat(validate(routes("rc", action.clone()), edsCluster("c"), endpoints("c"))).containsExactly(
        "route configuration rc: virtual_hosts[0].routes[0].route.weighted_clusters.clusters[1].name: cluster \"gone\" does not exist",
        "route configuration rc: virtual_hosts[0].routes[0].route.request_mirror_policies[0].cluster: cluster \"shadow\" does not exist");
    action.setClusterNotFoundResponseCode(RouteAction.ClusterNotFoundResponseCode.INTERNAL_SERVER_ERROR);
    assertThat(validate(routes("rc", action), edsCluster("c"), endpoints("c"), edsCluster("shadow"), endpoints("shadow"))).isEmpty();
  }

  @Test
  void filterClusters_extAuthzAndJwksMustExist() {
    HttpFilter extAuthz = HttpFilter.newBuilder().setName("envoy.filters.http.ext_authz").setTypedConfig(Any.pack(
        ExtAuthz.newBuilder().setGrpcService(GrpcService.newBuilder()
            .setEnvoyGrpc(GrpcService.EnvoyGrpc.newBuilder().setClusterName("authz"))).build())).build();
    HttpFilter jwt = HttpFilter.newBuilder().setName("envoy.filters.http.jwt_authn").setTypedConfig(Any.pack(
        JwtAuthentication.newBuilder().putProviders("p", JwtProvider.newBuilder().setRemoteJwks(RemoteJwks.newBuilder()
            .setHttpUri(HttpUri.newBuilder().setUri("https://idp/jwks").setCluster("jwks").setTimeout(Protos.seconds(1)))).build())
            .build())).build();
    assertThat(validate(listener("rc", jwt, extAuthz, ROUTER), routes("rc", RouteAction.newBuilder().setCluster("c")),
        edsCluster("c"), endpoints("c"))).containsExactly(
        "listener l: default_filter_chain.filters[0].typed_config.http_filters[0].typed_config.providers[\"p\"].remote_jwks.http_uri.cluster: cluster \"jwks\" does not exist",
        "listener l: default_filter_chain.filters[0].typed_config.http_filters[1].typed_config.grpc_service.envoy_grpc.cluster_name: cluster \"authz\" does not exist");
  }

  @Test
  void edsCluster_withoutLoadAssignment_isReported() {
    assertThat(validate(edsCluster("c"))).containsExactly(
        "cluster c: eds_cluster_config.service_name: cluster load assignment \"c\" does not exist");
  }

  @Test
  void sdsSecret_namedByATlsContext_mustExist() {
    Listener l = listener("rc", ROUTER).toBuilder().setDefaultFilterChain(listener("rc", ROUTER).getDefaultFilterChain().toBuilder()
        .setTransportSocket(TransportSocket.newBuilder().setName("envoy.transport_sockets.tls").setTypedConfig(Any.pack(
            DownstreamTlsContext.newBuilder().setCommonTlsContext(CommonTlsContext.newBuilder()
                .addTlsCertificateSdsSecretConfigs(SdsSecretConfig.newBuilder().setName("cert").setSdsConfig(Protos.ADS))).build()))))
        .build();
    List<String> missing = validate(l, routes("rc", RouteAction.newBuilder().setCluster("c")), edsCluster("c"), endpoints("c"));
    assertThat(missing).containsExactly(
        "listener l: default_filter_chain.transport_socket.typed_config.common_tls_context.tls_certificate_sds_secret_configs[0].name: secret \"cert\" does not exist");
    assertThat(validate(l, routes("rc", RouteAction.newBuilder().setCluster("c")), edsCluster("c"), endpoints("c"),
        Secret.newBuilder().setName("cert").build())).isEmpty();
  }

  @Test
  void names_mustBeUniquePerType() {
    assertThat(validate(edsCluster("c"), edsCluster("c"), endpoints("c"))).containsExactly("cluster c: another cluster has the same name");
  }

  @Test
  void httpFilters_needExactlyOneRouterAndItLast() {
    HttpFilter other = HttpFilter.newBuilder().setName("envoy.filters.http.ext_authz").setTypedConfig(Any.pack(
        ExtAuthz.newBuilder().setGrpcService(GrpcService.newBuilder()
            .setEnvoyGrpc(GrpcService.EnvoyGrpc.newBuilder().setClusterName("c"))).build())).build();
    Message[] rest = {routes("rc", RouteAction.newBuilder().setCluster("c")), edsCluster("c"), endpoints("c")};
    assertThat(validate(concat(listener("rc"), rest))).containsExactly(
        "listener l: default_filter_chain.filters[0].typed_config.http_filters: must end with the router filter (envoy.filters.http.router)");
    assertThat(validate(concat(listener("rc", ROUTER, other), rest))).containsExactly(
        "listener l: default_filter_chain.filters[0].typed_config.http_filters[0]: the router filter must be the last HTTP filter");
    assertThat(validate(concat(listener("rc", ROUTER, ROUTER), rest))).containsExactly(
        "listener l: default_filter_chain.filters[0].typed_config.http_filters: must hold exactly one router filter, not 2");
  }

  @Test
  void pgvViolations_nameResourcePathAndRule() {
    Cluster zeroTimeout = edsCluster("x").toBuilder().setConnectTimeout(Protos.seconds(0)).build();
    RouteConfiguration noDomains = RouteConfiguration.newBuilder().setName("default/eg/http")
        .addVirtualHosts(VirtualHost.newBuilder().setName("vh")).build();
    assertThat(validate(zeroTimeout, endpoints("x"), noDomains)).containsExactly(
        "route configuration default/eg/http: virtual_hosts[0].domains: must have at least 1 item",
        "cluster x: connect_timeout: must be greater than 0s");
  }

  @Test
  void perRouteFilterSettings_mustReachAFilterOfTheListenerServingTheRoutes() {
    HttpFilter jwt = HttpFilter.newBuilder().setName("envoy.filters.http.jwt_authn").setTypedConfig(Any.pack(
        JwtAuthentication.newBuilder().putRequirementMap("r1", io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtRequirement
            .newBuilder().setAllowMissing(com.google.protobuf.Empty.getDefaultInstance()).build()).build())).build();
    Route.Builder route = Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix("/")).setRoute(RouteAction.newBuilder().setCluster("c"))
        .putTypedPerFilterConfig("envoy.filters.http.jwt_authn", Any.pack(
            io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.PerRouteConfig.newBuilder().setRequirementName("r2").build()))
        .putTypedPerFilterConfig("envoy.filters.http.ext_authz/securitypolicy/ns/p", Any.pack(
            io.envoyproxy.envoy.config.route.v3.FilterConfig.newBuilder().build()))
        .putTypedPerFilterConfig("envoy.filters.http.lua", Any.pack(
            io.envoyproxy.envoy.config.route.v3.FilterConfig.newBuilder().setIsOptional(true).build()));
    RouteConfiguration rc = RouteConfiguration.newBuilder().setName("rc")
        .addVirtualHosts(VirtualHost.newBuilder().setName("vh").addDomains("*").addRoutes(route)).build();
    assertThat(validate(listener("rc", jwt, ROUTER), rc, edsCluster("c"), endpoints("c"))).containsExactlyInAnyOrder(
        "route configuration rc: virtual_hosts[0].routes[0].typed_per_filter_config[\"envoy.filters.http.jwt_authn\"].requirement_name: "
            + "the JWT filter of listener l has no requirement named \"r2\"",
        "route configuration rc: virtual_hosts[0].routes[0].typed_per_filter_config[\"envoy.filters.http.ext_authz/securitypolicy/ns/p\"]: "
            + "listener l has no HTTP filter named \"envoy.filters.http.ext_authz/securitypolicy/ns/p\", so this setting would be ignored");
  }

  @Test
  void domains_mustBeUniqueAcrossTheVirtualHostsOfARouteConfiguration() {
    RouteConfiguration rc = RouteConfiguration.newBuilder().setName("rc")
        .addVirtualHosts(VirtualHost.newBuilder().setName("a").addDomains("a.example.com"))
        .addVirtualHosts(VirtualHost.newBuilder().setName("b").addDomains("b.example.com").addDomains("A.example.com"))
        .build();
    assertThat(validate(rc)).containsExactly(
        "route configuration rc: virtual_hosts[1].domains[1]: domain \"A.example.com\" is already served by virtual_hosts[0]");
  }

  private static Message[] concat(Message first, Message... rest) {
    Message[] all = new Message[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}

package dev.tollgate.translator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.BoolValue;
import com.google.protobuf.Message;
import com.google.protobuf.UInt32Value;
import dev.tollgate.translator.xds.Protos;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.CidrRange;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.listener.v3.AdditionalAddress;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatchAndSubstitute;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Envoy refuses when it loads resources that pass every rule of its API's annotations. */
class RuntimeRulesTest {

  private final XdsValidator validator = new XdsValidator();

  /** The violations, but for the clusters the resources name and these tests leave out. */
  private List<String> validate(Message... resources) {
    Map<XdsType, List<Message>> byType = new EnumMap<>(XdsType.class);
    for (Message m : resources) {
      XdsType t = XdsType.fromTypeUrl("type.googleapis.com/" + m.getDescriptorForType().getFullName()).orElseThrow();
      byType.computeIfAbsent(t, k -> new ArrayList<>()).add(m);
    }
    return validator.validate(byType).stream().map(Violation::toString)
        .filter(v -> !v.matches(".*: cluster \"[abc]\" does not exist")).toList();
  }

  private static Route.Builder route(RouteAction.Builder action) {
    return Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix("/")).setRoute(action);
  }

  private static RouteAction.Builder directTo(String cluster) {
    return RouteAction.newBuilder().setCluster(cluster).setClusterNotFoundResponseCode(RouteAction.ClusterNotFoundResponseCode.NOT_FOUND);
  }

  private static RouteConfiguration routes(Route.Builder... routes) {
    VirtualHost.Builder vh = VirtualHost.newBuilder().setName("vh").addDomains("*");
    for (Route.Builder r : routes) {
      vh.addRoutes(r);
    }
    return RouteConfiguration.newBuilder().setName("rc").addVirtualHosts(vh).build();
  }

  private static HeaderValueOption header(String key) {
    return HeaderValueOption.newBuilder().setHeader(HeaderValue.newBuilder().setKey(key).setValue("v")).build();
  }

  private static final String REFUSED = "Envoy refuses to add, set or remove host and ':'-prefixed pseudo-headers in a route configuration";

  @Test
  void headerLists_mayNotTouchHostOrPseudoHeaders_atAnyLevelRequestOrResponse() {
    RouteConfiguration rc = RouteConfiguration.newBuilder().setName("rc")
        .addResponseHeadersToRemove(":status")
        .addVirtualHosts(VirtualHost.newBuilder().setName("vh").addDomains("*")
            .addRequestHeadersToAdd(header("Host"))
            .addRoutes(route(directTo("c")).addRequestHeadersToAdd(header("x-ok")).addRequestHeadersToAdd(header(":authority"))
                .addRequestHeadersToRemove("HOST").addResponseHeadersToAdd(header("x-ok")))
            .addRoutes(route(RouteAction.newBuilder().setClusterNotFoundResponseCode(RouteAction.ClusterNotFoundResponseCode.NOT_FOUND)
                .setWeightedClusters(WeightedCluster.newBuilder().addClusters(WeightedCluster.ClusterWeight.newBuilder()
                    .setName("c").setWeight(Protos.u32(1)).addRequestHeadersToRemove(":path"))))))
        .build();
    assertThat(validate(rc)).containsExactly(
        "route configuration rc: response_headers_to_remove[0]: \":status\": " + REFUSED,
        "route configuration rc: virtual_hosts[0].request_headers_to_add[0].header.key: \"Host\": " + REFUSED,
        "route configuration rc: virtual_hosts[0].routes[0].request_headers_to_add[1].header.key: \":authority\": " + REFUSED,
        "route configuration rc: virtual_hosts[0].routes[0].request_headers_to_remove[0]: \"HOST\": " + REFUSED,
        "route configuration rc: virtual_hosts[0].routes[1].route.weighted_clusters.clusters[0].request_headers_to_remove[0]: \":path\": "
            + REFUSED);
  }

  @Test
  void headerOption_mayNotSetAppendWithANonDefaultAppendAction() {
    HeaderValueOption both = header("x-a").toBuilder().setAppend(BoolValue.of(false))
        .setAppendAction(HeaderValueOption.HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD).build();
    HeaderValueOption appendOnly = header("x-b").toBuilder().setAppend(BoolValue.of(false)).build();
    assertThat(validate(routes(route(directTo("c")).addRequestHeadersToAdd(both).addRequestHeadersToAdd(appendOnly))))
        .containsExactly("route configuration rc: virtual_hosts[0].routes[0].request_headers_to_add[0].append: "
            + "must not be set together with append_action OVERWRITE_IF_EXISTS_OR_ADD");
  }

  @Test
  void regex_thatRe2DoesNotCompile_isRefusedWherever_itStands() {
    Route.Builder badPath = Route.newBuilder().setMatch(RouteMatch.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex("/(a")))
        .setRoute(directTo("c"));
    Route.Builder badRewrite = route(directTo("c").setRegexRewrite(RegexMatchAndSubstitute.newBuilder()
        .setPattern(RegexMatcher.newBuilder().setRegex("x(?=y)")).setSubstitution("z")));
    Route.Builder fine = Route.newBuilder().setMatch(RouteMatch.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex("/[a-z]+/.*")))
        .setRoute(directTo("c"));
    assertThat(validate(routes(badPath, badRewrite, fine))).containsExactly(
        "route configuration rc: virtual_hosts[0].routes[0].match.safe_regex.regex: is not a valid RE2 regular expression: missing closing )",
        "route configuration rc: virtual_hosts[0].routes[1].route.regex_rewrite.pattern.regex: "
            + "is not a valid RE2 regular expression: invalid or unsupported Perl syntax");
  }

  @Test
  void routeAction_weightsMustAddUpAboveZero_oneRewrite_andEachUpgradeOnce() {
    RouteAction.Builder zero = RouteAction.newBuilder().setClusterNotFoundResponseCode(RouteAction.ClusterNotFoundResponseCode.NOT_FOUND)
        .setWeightedClusters(WeightedCluster.newBuilder()
            .addClusters(WeightedCluster.ClusterWeight.newBuilder().setName("a").setWeight(UInt32Value.of(0)))
            .addClusters(WeightedCluster.ClusterWeight.newBuilder().setName("b").setWeight(UInt32Value.of(0))));
    RouteAction.Builder twoRewrites = directTo("c").setPrefixRewrite("/x").setRegexRewrite(RegexMatchAndSubstitute.newBuilder()
        .setPattern(RegexMatcher.newBuilder().setRegex("^/y")).setSubstitution("/z"));
    RouteAction.Builder upgrades = directTo("c")
        .addUpgradeConfigs(RouteAction.UpgradeConfig.newBuilder().setUpgradeType("websocket"))
        .addUpgradeConfigs(RouteAction.UpgradeConfig.newBuilder().setUpgradeType("WebSocket"));
    assertThat(validate(routes(route(zero), route(twoRewrites), route(upgrades)))).containsExactly(
        "route configuration rc: virtual_hosts[0].routes[0].route.weighted_clusters.clusters: the weights must add up to more than 0",
        "route configuration rc: virtual_hosts[0].routes[1].route: only one of prefix_rewrite, regex_rewrite and path_rewrite_policy may be set",
        "route configuration rc: virtual_hosts[0].routes[2].route.upgrade_configs[1].upgrade_type: "
            + "upgrade type \"WebSocket\" is already configured by upgrade_configs[0]");
  }

  private static Address address(String ip, int port) {
    return Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress(ip).setPortValue(port)).build();
  }

  private static FilterChain chain(FilterChainMatch.Builder match) {
    return FilterChain.newBuilder().setFilterChainMatch(match).addFilters(Filter.newBuilder().setName("envoy.filters.network.tcp_proxy")
        .setTypedConfig(com.google.protobuf.Any.pack(TcpProxy.newBuilder().setStatPrefix("t").setCluster("c").build()))).build();
  }

  private static Listener listener(String name, Address address, FilterChain... chains) {
    Listener.Builder l = Listener.newBuilder().setName(name).setAddress(address);
    for (FilterChain c : chains) {
      l.addFilterChains(c);
    }
    return l.build();
  }

  @Test
  void filterChains_withTheSameOrOverlappingMatches_areRefused() {
    Listener l = listener("l", address("0.0.0.0", 443),
        chain(FilterChainMatch.newBuilder().addServerNames("a.example.com").addServerNames("*.example.com")),
        chain(FilterChainMatch.newBuilder().addServerNames("a.example.com").addServerNames("*.example.com")),
        chain(FilterChainMatch.newBuilder().addServerNames("B.example.com").addServerNames("A.EXAMPLE.COM")),
        chain(FilterChainMatch.newBuilder().addServerNames("b.example.com").setTransportProtocol("tls")),
        chain(FilterChainMatch.newBuilder().addServerNames("c.example.com").addServerNames("c.example.com")),
        chain(FilterChainMatch.newBuilder().addPrefixRanges(CidrRange.newBuilder().setAddressPrefix("10.1.2.3").setPrefixLen(UInt32Value.of(8)))),
        chain(FilterChainMatch.newBuilder().addPrefixRanges(CidrRange.newBuilder().setAddressPrefix("10.0.0.0").setPrefixLen(UInt32Value.of(8)))),
        chain(FilterChainMatch.newBuilder().addPrefixRanges(CidrRange.newBuilder().setAddressPrefix("10.0.0.0").setPrefixLen(UInt32Value.of(16)))),
        chain(FilterChainMatch.newBuilder().addServerNames("*example.org")));
    assertThat(validate(l)).containsExactly(
        "listener l: filter_chains[1].filter_chain_match: filter_chains[0] has the same matching rules",
        "listener l: filter_chains[2].filter_chain_match: overlaps filter_chains[0]: some connection would match both",
        "listener l: filter_chains[4].filter_chain_match: lists one value twice, so it overlaps itself",
        "listener l: filter_chains[6].filter_chain_match: overlaps filter_chains[5]: some connection would match both",
        "listener l: filter_chains[8].filter_chain_match.server_names[0]: \"*example.org\": a wildcard is only supported as a leading \"*.\"");
  }

  @Test
  void filterChains_distinctByServerNameOrTransportProtocol_areAccepted() {
    Listener l = listener("l", address("0.0.0.0", 443),
        chain(FilterChainMatch.newBuilder().addServerNames("a.example.com").setTransportProtocol("tls")),
        chain(FilterChainMatch.newBuilder().addServerNames("*.example.com").setTransportProtocol("tls")),
        chain(FilterChainMatch.newBuilder().addServerNames("a.example.com")),
        chain(FilterChainMatch.newBuilder()));
    assertThat(validate(l)).isEmpty();
  }

  @Test
  void listeners_onTheSameAddress_areRefused_butNotOnAnotherPortProtocolOrPortZero() {
    Listener first = listener("a", address("0.0.0.0", 10080));
    Listener sameAddress = listener("b", address("0.0.0.0", 10080));
    Listener sameAsAdditional = listener("c", address("127.0.0.1", 10081)).toBuilder()
        .addAdditionalAddresses(AdditionalAddress.newBuilder().setAddress(address("0.0.0.0", 10080))).build();
    Listener otherPort = listener("d", address("0.0.0.0", 10443));
    Listener udp = listener("e", Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress("0.0.0.0")
        .setPortValue(10080).setProtocol(SocketAddress.Protocol.UDP)).build());
    Listener ephemeral = listener("f", address("127.0.0.1", 0));
    Listener ephemeralToo = listener("g", address("127.0.0.1", 0));
    Listener ipv6Spelling = listener("h", address("::0", 10443));
    Listener ipv6 = listener("i", address("::", 10443));
    assertThat(validate(first, sameAddress, sameAsAdditional, otherPort, udp, ephemeral, ephemeralToo, ipv6Spelling, ipv6)).containsExactly(
        "listener b: address: listener a already listens on 0.0.0.0:10080",
        "listener c: additional_addresses[0].address: listener a already listens on 0.0.0.0:10080",
        "listener i: address: listener h already listens on [::0]:10443");
  }
}

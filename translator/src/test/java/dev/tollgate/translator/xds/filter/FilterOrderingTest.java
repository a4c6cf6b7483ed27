package dev.tollgate.translator.xds.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.ir.FilterOrderIr;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterOrderingTest {

  private static final String JWT = "envoy.filters.http.jwt_authn";
  private static final String AUTHZ = "envoy.filters.http.ext_authz";
  private static final String ROUTER = "envoy.filters.http.router";

  private static List<String> order(List<FilterOrderIr> positions, String... names) {
    List<HttpFilter> filters = java.util.Arrays.stream(names).map(n -> HttpFilter.newBuilder().setName(n).build()).toList();
    return FilterOrdering.apply(filters, positions).stream().map(HttpFilter::getName).toList();
  }

  @Test
  void before_movesEveryInstanceAheadOfTheFirstAnchor_keepingTheirOrder() {
    assertThat(order(List.of(new FilterOrderIr(AUTHZ, JWT, null)), JWT, AUTHZ + "/securitypolicy/a/p", AUTHZ + "/securitypolicy/b/q", ROUTER))
        .containsExactly(AUTHZ + "/securitypolicy/a/p", AUTHZ + "/securitypolicy/b/q", JWT, ROUTER);
  }

  @Test
  void after_movesBehindTheLastAnchor() {
    assertThat(order(List.of(new FilterOrderIr(JWT, null, AUTHZ)), JWT, AUTHZ + "/x", AUTHZ + "/y", ROUTER))
        .containsExactly(AUTHZ + "/x", AUTHZ + "/y", JWT, ROUTER);
  }

  @Test
  void positionThatAlreadyHolds_changesNothing() {
    String rbac = "envoy.filters.http.rbac";
    assertThat(order(List.of(new FilterOrderIr(AUTHZ, null, JWT)), JWT, rbac, AUTHZ + "/x", ROUTER))
        .containsExactly(JWT, rbac, AUTHZ + "/x", ROUTER);
    assertThat(order(List.of(new FilterOrderIr(JWT, AUTHZ, null)), JWT, rbac, AUTHZ + "/x", ROUTER))
        .containsExactly(JWT, rbac, AUTHZ + "/x", ROUTER);
    // Not yet holding for one instance: all move.
    assertThat(order(List.of(new FilterOrderIr(AUTHZ, null, JWT)), AUTHZ + "/a", JWT, rbac, AUTHZ + "/b", ROUTER))
        .containsExactly(JWT, AUTHZ + "/a", AUTHZ + "/b", rbac, ROUTER);
  }

  @Test
  void absentFiltersOrAnchors_changeNothing() {
    assertThat(order(List.of(new FilterOrderIr(AUTHZ, JWT, null)), JWT, ROUTER)).containsExactly(JWT, ROUTER);
    assertThat(order(List.of(new FilterOrderIr(JWT, "envoy.filters.http.cors", null)), JWT, ROUTER)).containsExactly(JWT, ROUTER);
  }

  @Test
  void typeMatch_isByNameOrNamePrefixWithSlash_notByPlainPrefix() {
    assertThat(FilterOrdering.isOfType(HttpFilter.newBuilder().setName(AUTHZ + "/p").build(), AUTHZ)).isTrue();
    assertThat(FilterOrdering.isOfType(HttpFilter.newBuilder().setName(AUTHZ + "_custom").build(), AUTHZ)).isFalse();
  }
}

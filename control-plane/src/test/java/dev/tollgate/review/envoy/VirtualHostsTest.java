package dev.tollgate.review.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import org.junit.jupiter.api.Test;

/** Envoy's documented domain search order for virtual hosts (route.v3.VirtualHost.domains). */
class VirtualHostsTest {

  private static RouteConfiguration config(boolean ignorePort, String... domainsPerHost) {
    RouteConfiguration.Builder b = RouteConfiguration.newBuilder().setIgnorePortInHostMatching(ignorePort);
    for (String d : domainsPerHost) {
      b.addVirtualHosts(VirtualHost.newBuilder().setName(d).addDomains(d));
    }
    return b.build();
  }

  private static String pick(RouteConfiguration c, String authority) {
    return VirtualHosts.select(c, authority).map(s -> s.virtualHost().getName()).orElse("none");
  }

  @Test
  void exactThenLongestSuffixThenLongestPrefixThenStar() {
    RouteConfiguration c = config(true, "*", "foo.*", "foo.bar.*", "*.com", "*.bar.com", "www.bar.com");
    assertThat(pick(c, "www.bar.com")).isEqualTo("www.bar.com");
    assertThat(pick(c, "api.bar.com")).isEqualTo("*.bar.com");
    assertThat(pick(c, "foo.bar.com")).isEqualTo("*.bar.com"); // suffix wildcards before prefix wildcards
    assertThat(pick(c, "foo.bar.org")).isEqualTo("foo.bar.*");
    assertThat(pick(c, "foo.org")).isEqualTo("foo.*");
    assertThat(pick(c, "example.org")).isEqualTo("*");
  }

  @Test
  void wildcardStandsForAtLeastOneCharacter() {
    RouteConfiguration c = config(true, "*-bar.foo.com");
    assertThat(pick(c, "baz-bar.foo.com")).isEqualTo("*-bar.foo.com");
    assertThat(pick(c, "-bar.foo.com")).isEqualTo("none");
  }

  @Test
  void caseIsIgnored() {
    assertThat(pick(config(true, "Foo.Example.com"), "FOO.example.COM")).isEqualTo("Foo.Example.com");
  }

  @Test
  void portIsPartOfTheHostUnlessIgnored() {
    assertThat(pick(config(true, "foo.com"), "foo.com:8080")).isEqualTo("foo.com");
    assertThat(pick(config(false, "foo.com"), "foo.com:8080")).isEqualTo("none");
    assertThat(pick(config(false, "foo.com:8080"), "foo.com:8080")).isEqualTo("foo.com:8080");
    assertThat(pick(config(true, "[::1]"), "[::1]:80")).isEqualTo("[::1]");
  }

  @Test
  void hostPatternsForAssertions() {
    assertThat(VirtualHosts.couldServe("api.internal.example.com", "*.internal.example.com")).isTrue();
    assertThat(VirtualHosts.couldServe("*.example.com", "*.internal.example.com")).isTrue();
    assertThat(VirtualHosts.couldServe("*", "*.internal.example.com")).isTrue();
    assertThat(VirtualHosts.couldServe("www.example.com", "*.internal.example.com")).isFalse();
    assertThat(VirtualHosts.couldServe("internal.example.com", "*.internal.example.com")).isFalse();
    assertThat(VirtualHosts.couldServe("*.example.com", "api.example.com")).isTrue();
  }
}

package dev.tollgate.translator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostnamesTest {

  @ParameterizedTest(name = "listener {0} ∩ route {1} = {2}")
  @CsvSource(nullValues = "-", value = {
      "-, foo.example.com, foo.example.com",
      "foo.example.com, foo.example.com, foo.example.com",
      "*.example.com, foo.example.com, foo.example.com",
      "*.example.com, a.b.example.com, a.b.example.com",
      "*.example.com, example.com, -",
      "foo.example.com, *.example.com, foo.example.com",
      "*.example.com, *.foo.example.com, *.foo.example.com",
      "*.foo.example.com, *.example.com, *.foo.example.com",
      "foo.example.com, bar.example.com, -",
      "*.example.com, foo.example.org, -",
  })
  void intersect_followsTheGatewayApiRules(String listener, String route, String expected) {
    assertThat(Hostnames.intersect(listener, route).orElse(null)).isEqualTo(expected);
  }

  @Test
  void problem_rejectsIpAddressesUppercaseAndInnerWildcards() {
    assertThat(Hostnames.problem("10.0.0.1")).contains("IP address");
    assertThat(Hostnames.problem("Foo.example.com")).isNotNull();
    assertThat(Hostnames.problem("foo.*.com")).isNotNull();
    assertThat(Hostnames.problem("*.example.com")).isNull();
    assertThat(Hostnames.problem("a-b.example.com")).isNull();
  }
}

package dev.tollgate.review.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Envoy's header matcher: missing headers, inversion, several values, pseudo-headers. */
class HeaderMatchingTest {

  private static boolean matches(HeaderMatcher m, String... headers) {
    return HeaderMatching.matches(m, HttpRequest.parse("POST http://h/p", List.of(headers), null, null));
  }

  private static HeaderMatcher.Builder exact(String name, String value) {
    return HeaderMatcher.newBuilder().setName(name).setStringMatch(StringMatcher.newBuilder().setExact(value));
  }

  @Test
  void anInvertedMatcherDoesNotMatchAMissingHeader() {
    assertThat(matches(exact("x", "a").setInvertMatch(true).build())).isFalse();
    assertThat(matches(exact("x", "a").setInvertMatch(true).build(), "x: b")).isTrue();
    assertThat(matches(exact("x", "").setTreatMissingHeaderAsEmpty(true).build())).isTrue();
  }

  @Test
  void presence() {
    HeaderMatcher absent = HeaderMatcher.newBuilder().setName("x").setPresentMatch(false).build();
    assertThat(matches(absent)).isTrue();
    assertThat(matches(absent, "x: 1")).isFalse();
    assertThat(matches(HeaderMatcher.newBuilder().setName("x").setPresentMatch(true).setInvertMatch(true).build())).isTrue();
  }

  @Test
  void severalValuesAreJoinedByCommas() {
    assertThat(matches(exact("x", "a,b").build(), "x: a", "X: b")).isTrue();
  }

  @Test
  void ignoreCaseAndPseudoHeaders() {
    HeaderMatcher ci = HeaderMatcher.newBuilder().setName("x")
        .setStringMatch(StringMatcher.newBuilder().setPrefix("AB").setIgnoreCase(true)).build();
    assertThat(matches(ci, "x: abc")).isTrue();
    assertThat(matches(exact(":method", "POST").build())).isTrue();
  }
}

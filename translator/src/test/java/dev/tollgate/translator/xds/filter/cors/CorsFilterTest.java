package dev.tollgate.translator.xds.filter.cors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.ir.CorsIr;
import dev.tollgate.translator.ir.StringMatchIr;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsFilterTest {

  @Test
  void policy_carriesOriginsJoinedListsMaxAgeAndCredentials() {
    CorsIr ir = new CorsIr(
        List.of(new StringMatchIr(null, false, "https://a.example.com"), new StringMatchIr(null, true, ".*")),
        List.of("GET", "POST"), List.of("authorization", "content-type"), List.of("x-request-id"), 600L, true);

    CorsPolicy policy = CorsFilter.policy(ir);

    assertThat(policy.getAllowOriginStringMatchList()).containsExactly(
        StringMatcher.newBuilder().setExact("https://a.example.com").build(),
        StringMatcher.newBuilder().setSafeRegex(
            io.envoyproxy.envoy.type.matcher.v3.RegexMatcher.newBuilder().setRegex(".*")).build());
    assertThat(policy.getAllowMethods()).isEqualTo("GET,POST");
    assertThat(policy.getAllowHeaders()).isEqualTo("authorization,content-type");
    assertThat(policy.getExposeHeaders()).isEqualTo("x-request-id");
    assertThat(policy.getMaxAge()).isEqualTo("600");
    assertThat(policy.getAllowCredentials().getValue()).isTrue();
  }

  @Test
  void policy_withoutMaxAge_leavesItToEnvoy() {
    CorsPolicy policy = CorsFilter.policy(new CorsIr(List.of(), List.of(), List.of(), List.of(), null, false));
    assertThat(policy.getMaxAge()).isEmpty();
    assertThat(policy.getAllowCredentials().getValue()).isFalse();
  }

  @Test
  void corsRunsBeforeAuthentication() {
    assertThat(new CorsFilter().order()).isLessThan(new dev.tollgate.translator.xds.filter.jwt.JwtAuthnFilter().order());
  }
}

package dev.tollgate.translator.gateway.security;

import dev.tollgate.translator.gateway.policy.PolicyProblems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.ir.CorsIr;
import dev.tollgate.translator.ir.StringMatchIr;
import dev.tollgate.translator.model.envoygateway.CorsSpec;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CorsTranslatorTest {

  private static boolean matches(String origin, String candidate) {
    StringMatchIr m = CorsTranslator.matcher(origin);
    return m.regex() ? Pattern.compile(m.value()).matcher(candidate).matches() : m.value().equals(candidate);
  }

  @Test
  void preciseOrigin_isExact() {
    assertThat(CorsTranslator.matcher("http://foo.example.com:8080"))
        .isEqualTo(new StringMatchIr(null, false, "http://foo.example.com:8080"));
  }

  @Test
  void wildcardLabel_matchesSubdomainsOnly_withLiteralDots() {
    assertThat(matches("https://*.example.com", "https://a.example.com")).isTrue();
    assertThat(matches("https://*.example.com", "https://a.b.example.com")).isTrue();
    assertThat(matches("https://*.example.com", "https://example.com")).isFalse();
    assertThat(matches("https://*.example.com", "https://aexample.com")).isFalse();
    assertThat(matches("https://*.example.com", "https://a.example.com.evil.org")).isFalse();
    assertThat(matches("https://*.example.com", "http://a.example.com")).isFalse();
  }

  @Test
  void portIsPartOfTheOrigin() {
    assertThat(matches("http://*.example.com:8080", "http://a.example.com:8080")).isTrue();
    assertThat(matches("http://*.example.com:8080", "http://a.example.com:9090")).isFalse();
    assertThat(matches("https://*", "https://anything.org:8443")).isTrue();
    assertThat(matches("https://*", "http://anything.org")).isFalse();
  }

  @Test
  void starAlone_matchesEverything() {
    assertThat(CorsTranslator.matcher("*")).isEqualTo(new StringMatchIr(null, true, ".*"));
  }

  @Test
  void maxAgeInSeconds_andListsPassedThrough() {
    PolicyProblems problems = new PolicyProblems();
    CorsIr ir = new CorsTranslator().translate(
        new CorsSpec(List.of("https://a.example.com"), List.of("GET"), List.of("x-a"), List.of("x-b"), "1m30s", null), problems);
    assertThat(problems.isEmpty()).isTrue();
    assertThat(ir.maxAgeSeconds()).isEqualTo(90L);
    assertThat(ir.allowCredentials()).isFalse();
    assertThat(ir.allowMethods()).containsExactly("GET");
  }

  @Test
  void badOrigin_andCredentialsWithStar_areProblems() {
    PolicyProblems problems = new PolicyProblems();
    new CorsTranslator().translate(
        new CorsSpec(List.of("example.com/path", "*"), List.of(), List.of(), List.of(), null, true), problems);
    assertThat(problems.message())
        .contains("spec.cors.allowOrigins[0]: is not an origin")
        .contains("spec.cors.allowCredentials: cannot be true when allowOrigins contains \"*\"");
  }
}

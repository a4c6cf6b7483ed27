package dev.tollgate.translator.admission.cel;

import static dev.tollgate.translator.admission.cel.CelEvaluation.assertEvaluationError;
import static dev.tollgate.translator.admission.cel.CelEvaluation.eval;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlLibraryTest {

  @ParameterizedTest(name = "isURL(''{0}'') = {1}")
  @CsvSource(emptyValue = "", value = {
      "https://user:pass@example.com:80/path?query=val#fragment, true",
      "/absolute-path, true",
      "https://a:b:c/, false",
      "../relative-path, false",
      "'', false",
      "example.com, false",
      "example.com/path, false",
      "mailto:someone@example.com, true",
      "https://example.com/path with spaces/, true",
      "https://exa mple.com/, false",
      "https://example.com/%zz, false",
      "https://example.com:8o/, false",
      "https://[::1]:80/, true",
      "https://[::1/, false",
      ":missing-scheme, false",
      "*, true",
      "HTTPS://EXAMPLE.COM/, true",
      "https://us er@example.com/, false",
  })
  void isURL_acceptsAbsoluteUrisAndAbsolutePaths(String text, boolean expected) {
    assertThat(eval("isURL('" + text + "')")).isEqualTo(expected);
  }

  @Test
  void url_invalidUrl_isEvaluationError() {
    assertEvaluationError("url('https://a:b:c/')").hasMessageContaining("https://a:b:c/");
    assertEvaluationError("url('../relative-path')");
    assertEvaluationError("url('https://example.com/#%zz')");
  }

  @Test
  void getScheme_isLowerCaseAndEmptyWhenAbsent() {
    assertThat(eval("url('/path').getScheme()")).isEqualTo("");
    assertThat(eval("url('https://example.com/').getScheme()")).isEqualTo("https");
    assertThat(eval("url('HTTPS://example.com/').getScheme()")).isEqualTo("https");
  }

  @Test
  void getHost_keepsPortAndBrackets() {
    assertThat(eval("url('https://example.com:80/').getHost()")).isEqualTo("example.com:80");
    assertThat(eval("url('https://example.com/').getHost()")).isEqualTo("example.com");
    assertThat(eval("url('https://[::1]:80/').getHost()")).isEqualTo("[::1]:80");
    assertThat(eval("url('https://[::1]/').getHost()")).isEqualTo("[::1]");
    assertThat(eval("url('/path').getHost()")).isEqualTo("");
    assertThat(eval("url('https://user:pass@example.com:80/path?query=val#fragment').getHost()"))
        .isEqualTo("example.com:80");
  }

  @Test
  void getHostname_dropsPortAndBrackets() {
    assertThat(eval("url('https://example.com:80/').getHostname()")).isEqualTo("example.com");
    assertThat(eval("url('https://127.0.0.1:80/').getHostname()")).isEqualTo("127.0.0.1");
    assertThat(eval("url('https://[::1]:80/').getHostname()")).isEqualTo("::1");
    assertThat(eval("url('/path').getHostname()")).isEqualTo("");
  }

  @Test
  void getPort_isEmptyWhenAbsent() {
    assertThat(eval("url('https://example.com:80/').getPort()")).isEqualTo("80");
    assertThat(eval("url('https://example.com/').getPort()")).isEqualTo("");
    assertThat(eval("url('/path').getPort()")).isEqualTo("");
    assertThat(eval("url('https://[::1]:8443/').getPort()")).isEqualTo("8443");
  }

  @Test
  void getEscapedPath_escapesWhatGoEscapesAndKeepsValidEscapes() {
    assertThat(eval("url('https://example.com/path').getEscapedPath()")).isEqualTo("/path");
    assertThat(eval("url('https://example.com/path with spaces/').getEscapedPath()"))
        .isEqualTo("/path%20with%20spaces/");
    assertThat(eval("url('https://example.com').getEscapedPath()")).isEqualTo("");
    assertThat(eval("url('https://example.com/a%2fb').getEscapedPath()")).isEqualTo("/a%2fb");
    assertThat(eval("url('https://example.com/caf\u00e9').getEscapedPath()")).isEqualTo("/caf%C3%A9");
    assertThat(eval("url('https://example.com/p#frag').getEscapedPath()")).isEqualTo("/p");
  }

  @Test
  void getQuery_collectsRepeatedKeysUnescaped() {
    assertThat(eval("url('https://example.com/path?k1=a&k2=b&k2=c').getQuery()"))
        .isEqualTo(Map.of("k1", List.of("a"), "k2", List.of("b", "c")));
    assertThat(eval("url('https://example.com/path?key with spaces=value with spaces').getQuery()"))
        .isEqualTo(Map.of("key with spaces", List.of("value with spaces")));
    assertThat(eval("url('https://example.com/path?a=1+2&b=%41&c').getQuery()"))
        .isEqualTo(Map.of("a", List.of("1 2"), "b", List.of("A"), "c", List.of("")));
    assertThat(eval("url('https://example.com/path?').getQuery()")).isEqualTo(Map.of());
    assertThat(eval("url('https://example.com/path').getQuery()")).isEqualTo(Map.of());
    assertThat(eval("url('https://example.com/path?a=1;b=2&c=3').getQuery()"))
        .isEqualTo(Map.of("c", List.of("3")));
  }

  @Test
  void getQuery_isAMapOfStringLists() {
    assertThat(eval("url('https://example.com/?k=a&k=b').getQuery()['k'][1]")).isEqualTo("b");
    assertThat(eval("'k' in url('https://example.com/?k=a').getQuery()")).isEqualTo(true);
  }
}

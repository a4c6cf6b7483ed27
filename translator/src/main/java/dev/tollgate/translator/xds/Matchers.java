package dev.tollgate.translator.xds;

import dev.tollgate.translator.ir.StringMatchIr;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;

/** Envoy string matchers, built one way for routes, CORS origins and authorization rules. */
public final class Matchers {

  private Matchers() {}

  /** The IR's match: its exact value, or its RE2 expression. */
  public static StringMatcher of(StringMatchIr m) {
    return m.regex() ? regex(m.value()) : exact(m.value());
  }

  public static StringMatcher exact(String value) {
    return StringMatcher.newBuilder().setExact(value).build();
  }

  public static StringMatcher prefix(String value) {
    return StringMatcher.newBuilder().setPrefix(value).build();
  }

  /** An RE2 expression over the whole value. */
  public static StringMatcher regex(String re2) {
    return StringMatcher.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex(re2)).build();
  }
}

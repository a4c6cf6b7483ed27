package dev.tollgate.review.envoy;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.Locale;

/** Envoy's {@code StringMatcher}: exact, prefix, suffix, contains (each optionally ignoring case) and RE2 full matches. */
public final class StringMatching {

  private StringMatching() {}

  public static boolean matches(StringMatcher m, String value) {
    boolean ic = m.getIgnoreCase();
    String v = ic ? value.toLowerCase(Locale.ROOT) : value;
    return switch (m.getMatchPatternCase()) {
      case EXACT -> v.equals(fold(m.getExact(), ic));
      case PREFIX -> v.startsWith(fold(m.getPrefix(), ic));
      case SUFFIX -> v.endsWith(fold(m.getSuffix(), ic));
      case CONTAINS -> v.contains(fold(m.getContains(), ic));
      case SAFE_REGEX -> regexMatches(m.getSafeRegex().getRegex(), value); // ignore_case does not apply to regexes
      default -> false; // custom matchers are extensions explain cannot evaluate
    };
  }

  /** Whether the matcher is one {@link #matches} can evaluate. */
  public static boolean evaluable(StringMatcher m) {
    return m.getMatchPatternCase() != StringMatcher.MatchPatternCase.CUSTOM
        && m.getMatchPatternCase() != StringMatcher.MatchPatternCase.MATCHPATTERN_NOT_SET;
  }

  /** RE2 over the whole value, as Envoy's safe_regex matches. */
  public static boolean regexMatches(String regex, String value) {
    try {
      return Pattern.compile(regex).matches(value);
    } catch (PatternSyntaxException e) {
      return false; // Envoy refuses such a configuration; validation would have too
    }
  }

  private static String fold(String s, boolean ignoreCase) {
    return ignoreCase ? s.toLowerCase(Locale.ROOT) : s;
  }

  /** {@code exact "x"}, {@code prefix "x" (any case)}, {@code regex "x"}. */
  public static String describe(StringMatcher m) {
    String ic = m.getIgnoreCase() ? " (any case)" : "";
    return switch (m.getMatchPatternCase()) {
      case EXACT -> "exact \"" + m.getExact() + "\"" + ic;
      case PREFIX -> "prefix \"" + m.getPrefix() + "\"" + ic;
      case SUFFIX -> "suffix \"" + m.getSuffix() + "\"" + ic;
      case CONTAINS -> "contains \"" + m.getContains() + "\"" + ic;
      case SAFE_REGEX -> "regex \"" + m.getSafeRegex().getRegex() + "\"";
      case CUSTOM -> "custom matcher " + m.getCustom().getName();
      default -> "matcher";
    };
  }
}

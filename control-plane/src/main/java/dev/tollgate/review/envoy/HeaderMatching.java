package dev.tollgate.review.envoy;

import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import java.util.Optional;

/**
 * Envoy's header and query parameter matchers. A header sent several times is matched on its
 * values joined by commas. A missing header matches nothing but {@code present_match: false}, and
 * inverting a matcher does not make a missing header match (unless {@code
 * treat_missing_header_as_empty} reads it as empty); only an inverted presence check does.
 */
public final class HeaderMatching {

  private HeaderMatching() {}

  public static boolean matches(HeaderMatcher m, HttpRequest request) {
    Optional<String> value = request.header(m.getName());
    if (value.isEmpty() && !m.getTreatMissingHeaderAsEmpty()) {
      boolean presence = m.getHeaderMatchSpecifierCase() == HeaderMatcher.HeaderMatchSpecifierCase.PRESENT_MATCH;
      return presence && (m.getInvertMatch() ? m.getPresentMatch() : !m.getPresentMatch());
    }
    String v = value.orElse("");
    boolean matched = switch (m.getHeaderMatchSpecifierCase()) {
      case EXACT_MATCH -> v.equals(m.getExactMatch());
      case SAFE_REGEX_MATCH -> StringMatching.regexMatches(m.getSafeRegexMatch().getRegex(), v);
      case RANGE_MATCH -> inRange(v, m.getRangeMatch().getStart(), m.getRangeMatch().getEnd());
      case PRESENT_MATCH -> m.getPresentMatch() == value.isPresent();
      case PREFIX_MATCH -> v.startsWith(m.getPrefixMatch());
      case SUFFIX_MATCH -> v.endsWith(m.getSuffixMatch());
      case CONTAINS_MATCH -> v.contains(m.getContainsMatch());
      case STRING_MATCH -> StringMatching.matches(m.getStringMatch(), v);
      case HEADERMATCHSPECIFIER_NOT_SET -> true; // presence only
    };
    return matched != m.getInvertMatch();
  }

  private static boolean inRange(String v, long start, long end) {
    try {
      long n = Long.parseLong(v);
      return n >= start && n < end;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  public static String describe(HeaderMatcher m) {
    String what = switch (m.getHeaderMatchSpecifierCase()) {
      case EXACT_MATCH -> "exact \"" + m.getExactMatch() + "\"";
      case SAFE_REGEX_MATCH -> "regex \"" + m.getSafeRegexMatch().getRegex() + "\"";
      case RANGE_MATCH -> "in [" + m.getRangeMatch().getStart() + ", " + m.getRangeMatch().getEnd() + ")";
      case PRESENT_MATCH -> m.getPresentMatch() ? "present" : "absent";
      case PREFIX_MATCH -> "prefix \"" + m.getPrefixMatch() + "\"";
      case SUFFIX_MATCH -> "suffix \"" + m.getSuffixMatch() + "\"";
      case CONTAINS_MATCH -> "contains \"" + m.getContainsMatch() + "\"";
      case STRING_MATCH -> StringMatching.describe(m.getStringMatch());
      case HEADERMATCHSPECIFIER_NOT_SET -> "present";
    };
    return "header " + m.getName() + (m.getInvertMatch() ? " not " : " ") + what;
  }

  /** A query parameter's first value, decoded; a missing parameter matches nothing. */
  public static boolean matches(QueryParameterMatcher m, HttpRequest request) {
    Optional<String> value = request.queryParameter(m.getName());
    return switch (m.getQueryParameterMatchSpecifierCase()) {
      case STRING_MATCH -> value.isPresent() && StringMatching.matches(m.getStringMatch(), value.get());
      case PRESENT_MATCH -> value.isPresent() == m.getPresentMatch();
      default -> value.isPresent();
    };
  }

  public static String describe(QueryParameterMatcher m) {
    return "query parameter " + m.getName() + " " + switch (m.getQueryParameterMatchSpecifierCase()) {
      case STRING_MATCH -> StringMatching.describe(m.getStringMatch());
      case PRESENT_MATCH -> m.getPresentMatch() ? "present" : "absent";
      default -> "present";
    };
  }
}

package dev.tollgate.translator.gateway;

import com.google.re2j.PatternSyntaxException;
import java.util.regex.Pattern;

/** Syntax checks for values that end up in Envoy matchers and headers. */
public final class HttpSyntax {

  /** RFC 7230 token characters. */
  private static final Pattern HEADER_NAME = Pattern.compile("^[A-Za-z0-9!#$%&'*+\\-.^_`|~]+$");

  private HttpSyntax() {}

  /** Null when the header name is a valid token, else why not. */
  public static String headerNameProblem(String name) {
    if (name == null || name.isEmpty()) {
      return "is required";
    }
    return HEADER_NAME.matcher(name).matches() ? null : "\"" + name + "\" is not a valid HTTP header name";
  }

  /** Null when the value can be sent in a header (no CR, LF or NUL), else why not. */
  public static String headerValueProblem(String value) {
    if (value == null) {
      return "is required";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        return "must not contain CR, LF or NUL";
      }
    }
    return null;
  }

  /** Null when Envoy's RE2 engine accepts the expression, else why not. */
  public static String regexProblem(String regex) {
    if (regex == null || regex.isEmpty()) {
      return "is required";
    }
    try {
      com.google.re2j.Pattern.compile(regex);
      return null;
    } catch (PatternSyntaxException e) {
      return "\"" + regex + "\" is not a valid RE2 regular expression: " + e.getDescription();
    }
  }

  /** Null when the value is an absolute path Envoy can match, else why not. */
  public static String pathProblem(String path) {
    if (path == null || path.isEmpty()) {
      return "is required";
    }
    if (!path.startsWith("/")) {
      return "must start with '/'";
    }
    if (path.contains("//") || path.contains("/./") || path.contains("/../") || path.endsWith("/..")
        || path.endsWith("/.") || path.contains("%2f") || path.contains("%2F") || path.contains("#")) {
      return "must be a normalized path (no '//', '/./', '/../', '%2f' or '#')";
    }
    return null;
  }
}

package dev.tollgate.translator.gateway;

import dev.tollgate.translator.ir.PathMatchIr;
import java.util.function.BiConsumer;

/**
 * Gateway API's path match ({@code Exact}, {@code PathPrefix}, {@code RegularExpression}), read
 * the same way for route matches and for authorization rules.
 */
public final class PathMatches {

  private PathMatches() {}

  /**
   * The match, or null when the type is unknown; each problem goes to {@code problem} with its
   * field. Unset, the type is PathPrefix and the value {@code /}.
   */
  public static PathMatchIr read(String type, String value, String field, BiConsumer<String, String> problem) {
    String t = type == null ? "PathPrefix" : type;
    String v = value == null ? "/" : value;
    switch (t) {
      case "Exact", "PathPrefix" -> {
        String syntax = HttpSyntax.pathProblem(v);
        if (syntax != null) {
          problem.accept(field + ".value", syntax);
        }
        if (t.equals("Exact")) {
          return new PathMatchIr(PathMatchIr.Type.EXACT, v);
        }
        // Gateway API ignores a trailing slash: /foo/ and /foo match the same paths.
        String trimmed = v.length() > 1 && v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
        return new PathMatchIr(PathMatchIr.Type.PATH_PREFIX, trimmed);
      }
      case "RegularExpression" -> {
        String syntax = HttpSyntax.regexProblem(v);
        if (syntax != null) {
          problem.accept(field + ".value", syntax);
        }
        return new PathMatchIr(PathMatchIr.Type.REGEX, v);
      }
      default -> {
        problem.accept(field + ".type", "\"" + t + "\" is not one of Exact, PathPrefix, RegularExpression");
        return null;
      }
    }
  }
}

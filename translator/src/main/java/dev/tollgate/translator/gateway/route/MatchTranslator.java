package dev.tollgate.translator.gateway.route;

import dev.tollgate.translator.gateway.Re2;
import dev.tollgate.translator.gateway.HttpSyntax;
import dev.tollgate.translator.gateway.PathMatches;
import dev.tollgate.translator.ir.MatchIr;
import dev.tollgate.translator.ir.PathMatchIr;
import dev.tollgate.translator.ir.StringMatchIr;
import dev.tollgate.translator.model.gatewayapi.GrpcRoute;
import dev.tollgate.translator.model.gatewayapi.HeaderMatch;
import dev.tollgate.translator.model.gatewayapi.HttpRoute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Turns HTTPRoute and GRPCRoute matches into IR matches, checking every value Envoy will see. */
final class MatchTranslator {

  static final MatchIr MATCH_ALL = new MatchIr(new PathMatchIr(PathMatchIr.Type.PATH_PREFIX, "/"), List.of(), List.of(), null);

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  /** gRPC service and method names, as the Gateway API validates them. */
  private static final Pattern GRPC_SERVICE = Pattern.compile("^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$");
  private static final Pattern GRPC_METHOD = Pattern.compile("^[A-Za-z_][A-Za-z_0-9]*$");

  private MatchTranslator() {}

  /**
   * A rule's matches, each translated with {@code translate}: null where a match is itself
   * invalid (it cannot be given to Envoy, even as a 500), and the match-all one when the rule has
   * none.
   */
  static <M> List<MatchIr> ofRule(List<M> matches, String field, RouteProblems problems,
      BiFunction<M, String, MatchIr> translate) {
    List<MatchIr> out = new ArrayList<>();
    for (int j = 0; j < matches.size(); j++) {
      int before = problems.count();
      MatchIr match = translate.apply(matches.get(j), field + ".matches[" + j + "]");
      out.add(problems.count() == before ? match : null);
    }
    if (out.isEmpty()) {
      out.add(MATCH_ALL);
    }
    return out;
  }

  static MatchIr http(HttpRoute.Match match, String field, RouteProblems problems) {
    PathMatchIr path = httpPath(match.path(), field + ".path", problems);
    List<StringMatchIr> headers = strings(match.headers(), field + ".headers", problems, n -> n.toLowerCase(Locale.ROOT), true);
    List<StringMatchIr> query = strings(match.queryParams(), field + ".queryParams", problems, Function.identity(), false);
    String method = match.method();
    if (method != null && !METHODS.contains(method)) {
      problems.invalid(field + ".method", "\"" + method + "\" is not a supported HTTP method");
    }
    return new MatchIr(path, headers, query, method);
  }

  private static PathMatchIr httpPath(HttpRoute.PathMatch path, String field, RouteProblems problems) {
    if (path == null) {
      return MATCH_ALL.path();
    }
    PathMatchIr read = PathMatches.read(path.type(), path.value(), field, problems::invalid);
    return read == null ? MATCH_ALL.path() : read;
  }

  /**
   * Header or query parameter matches. When one name appears twice only the first counts, as the
   * specification says; header names compare case-insensitively, query parameter names exactly.
   */
  private static List<StringMatchIr> strings(
      List<HeaderMatch> matches, String field, RouteProblems problems, Function<String, String> identity, boolean header) {
    List<StringMatchIr> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < matches.size(); i++) {
      HeaderMatch m = matches.get(i);
      String at = field + "[" + i + "]";
      if (m == null) { // only a refused route, read leniently, can hold one
        problems.invalid(at, "must be an object");
        continue;
      }
      String nameProblem = header ? HttpSyntax.headerNameProblem(m.name())
          : (m.name() == null || m.name().isEmpty() ? "is required" : null);
      if (nameProblem != null) {
        problems.invalid(at + ".name", nameProblem);
        continue;
      }
      if (!seen.add(identity.apply(m.name()))) {
        continue;
      }
      String type = Objects.requireNonNullElse(m.type(), "Exact");
      boolean regex = type.equals("RegularExpression");
      if (!regex && !type.equals("Exact")) {
        problems.invalid(at + ".type", "\"" + type + "\" is not one of Exact, RegularExpression");
        continue;
      }
      String problem = regex ? HttpSyntax.regexProblem(m.value()) : HttpSyntax.headerValueProblem(m.value());
      if (problem != null) {
        problems.invalid(at + ".value", problem);
        continue;
      }
      out.add(new StringMatchIr(m.name(), regex, m.value()));
    }
    return out;
  }

  /**
   * gRPC matches become path matches on {@code /service/method}: both names give an exact path,
   * a service alone a prefix, a method alone (or any regular expression) a regex.
   */
  static MatchIr grpc(GrpcRoute.Match match, String field, RouteProblems problems) {
    List<StringMatchIr> headers = strings(match.headers(), field + ".headers", problems, n -> n.toLowerCase(Locale.ROOT), true);
    GrpcRoute.MethodMatch method = match.method();
    if (method == null) {
      return new MatchIr(MATCH_ALL.path(), headers, List.of(), null);
    }
    String type = Objects.requireNonNullElse(method.type(), "Exact");
    String service = emptyToNull(method.service());
    String name = emptyToNull(method.method());
    if (service == null && name == null) {
      problems.invalid(field + ".method", "one of service or method is required");
      return new MatchIr(MATCH_ALL.path(), headers, List.of(), null);
    }
    PathMatchIr path;
    switch (type) {
      case "Exact" -> {
        if (service != null && !GRPC_SERVICE.matcher(service).matches()) {
          problems.invalid(field + ".method.service", "\"" + service + "\" is not a valid gRPC service name");
        }
        if (name != null && !GRPC_METHOD.matcher(name).matches()) {
          problems.invalid(field + ".method.method", "\"" + name + "\" is not a valid gRPC method name");
        }
        if (service != null && name != null) {
          path = new PathMatchIr(PathMatchIr.Type.EXACT, "/" + service + "/" + name);
        } else if (service != null) {
          path = new PathMatchIr(PathMatchIr.Type.PREFIX, "/" + service + "/");
        } else {
          path = new PathMatchIr(PathMatchIr.Type.REGEX, "/[^/]+/" + Re2.quote(name));
        }
      }
      case "RegularExpression" -> {
        for (String[] part : new String[][] {{"service", service}, {"method", name}}) {
          if (part[1] != null) {
            String problem = HttpSyntax.regexProblem(part[1]);
            if (problem != null) {
              problems.invalid(field + ".method." + part[0], problem);
            }
          }
        }
        // Each part is grouped, so an alternation in one (a|b) stays inside its own segment.
        path = new PathMatchIr(PathMatchIr.Type.REGEX,
            "/" + (service == null ? "[^/]+" : "(?:" + service + ")") + "/" + (name == null ? "[^/]+" : "(?:" + name + ")"));
      }
      default -> {
        problems.invalid(field + ".method.type", "\"" + type + "\" is not one of Exact, RegularExpression");
        path = MATCH_ALL.path();
      }
    }
    return new MatchIr(path, headers, List.of(), null);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}

package dev.tollgate.review.explain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.review.envoy.RouteMatching;
import dev.tollgate.review.envoy.VirtualHosts;
import dev.tollgate.review.routes.Protection;
import io.envoyproxy.envoy.config.route.v3.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code SELECTOR... requires PROTECTION[|PROTECTION...]}: every route a selected request could
 * reach must have one of the protections, running and failing closed. Selectors, all of which
 * must hold: {@code path-prefix:/admin} (routes for that path: every path they match is it or
 * under it), {@code reaches:/admin} (stricter: every route a request to that path or under it can
 * reach, on any host: a route that could match it and no earlier route of its virtual host takes
 * all such requests first), {@code
 * host:api.example.com} or {@code host:*.internal.example.com} (virtual hosts that may serve it),
 * {@code route:NAME} (a route name or its beginning; {@code *} in it
 * is a glob over the whole name), {@code backend:[KIND/]NS/NAME} (routes that forward to that
 * Service or Backend, on any host: the way to hold every path to a backend to a protection), {@code all}. Protections: {@code jwt},
 * {@code ext_authz}, {@code rbac}, {@code api_key_auth}, {@code basic_auth}, {@code oauth2},
 * {@code lua}, {@code ext_proc}, {@code wasm}, or {@code authentication} / {@code authorization}
 * for any of that kind. A route that does not forward (a redirect, a direct response) holds any
 * assertion: nothing is behind it.
 */
public final class ProtectionAssertion {

  private final String text;
  private final List<Predicate<RouteTable.Row>> selectors;
  private final List<String> alternatives;

  private ProtectionAssertion(String text, List<Predicate<RouteTable.Row>> selectors, List<String> alternatives) {
    this.text = text;
    this.selectors = selectors;
    this.alternatives = alternatives;
  }

  /** The verdict on one assertion: the routes it selected and those that break it, with why. */
  @JsonPropertyOrder({"assertion", "passed", "routes", "violations"})
  public record Result(String assertion, boolean passed, int routes, List<Violation> violations) {}

  public record Violation(String gateway, String route, String problem) {}

  /** @throws IllegalArgumentException saying what is wrong with the expression */
  public static ProtectionAssertion parse(String text) {
    String[] parts = text.strip().split("\\s+requires\\s+", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException("assertion must be \"SELECTOR... requires PROTECTION\", not \"" + text + "\"");
    }
    List<Predicate<RouteTable.Row>> selectors = new ArrayList<>();
    for (String s : parts[0].strip().split("\\s+")) {
      if (s.equals("all")) {
        continue;
      }
      int colon = s.indexOf(':');
      String key = colon < 0 ? s : s.substring(0, colon);
      String value = colon < 0 ? "" : s.substring(colon + 1);
      if (value.isEmpty() && colon >= 0 || colon < 0) {
        throw new IllegalArgumentException("selector \"" + s + "\" must be path-prefix:/PATH, reaches:/PATH, host:HOST, route:NAME, backend:[KIND/]NS/NAME or all");
      }
      switch (key) {
        case "path-prefix" -> {
          if (!value.startsWith("/")) {
            throw new IllegalArgumentException("path-prefix must start with /, not \"" + value + "\"");
          }
          String p = value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
          selectors.add(row -> RouteMatching.confinedTo(row.context().route().getMatch(), p));
        }
        case "reaches" -> {
          if (!value.startsWith("/")) {
            throw new IllegalArgumentException("reaches must name a path starting with /, not \"" + value + "\"");
          }
          String p = value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
          selectors.add(row -> reachableUnder(row, p));
        }
        case "host" -> selectors.add(row -> row.domains().stream().anyMatch(d -> VirtualHosts.couldServe(d, value)));
        case "route" -> selectors.add(routeName(value));
        case "backend" -> selectors.add(backend(value));
        default -> throw new IllegalArgumentException("selector \"" + s + "\" must be path-prefix:/PATH, reaches:/PATH, host:HOST, route:NAME, backend:[KIND/]NS/NAME or all");
      }
    }
    List<String> alternatives = new ArrayList<>();
    for (String p : parts[1].strip().split("\\s*\\|\\s*")) {
      String id = p.toLowerCase(Locale.ROOT).replace('-', '_');
      if (!id.equals("authentication") && !id.equals("authorization") && Protection.byId(id).isEmpty()) {
        throw new IllegalArgumentException("unknown protection \"" + p + "\": use jwt, ext_authz, rbac, api_key_auth, basic_auth, oauth2, "
            + "lua, ext_proc, wasm, authentication or authorization");
      }
      alternatives.add(id);
    }
    return new ProtectionAssertion(text.strip(), selectors, alternatives);
  }

  /** {@code backend:default/api} (any kind) or {@code backend:Service/default/api}: routes that forward to it. */
  private static Predicate<RouteTable.Row> backend(String value) {
    String[] parts = value.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("backend must be NAMESPACE/NAME or KIND/NAMESPACE/NAME, not \"" + value + "\"");
    }
    String object = parts[parts.length - 2] + "/" + parts[parts.length - 1];
    String kind = parts.length == 3 ? parts[0] : null;
    return row -> row.backends().stream().anyMatch(b -> b.endsWith(" " + object)
        && (kind == null || b.startsWith(kind + " ")));
  }

  /** {@code route:NAME} is a name's beginning; with {@code *} in it, a glob over the whole name. */
  private static Predicate<RouteTable.Row> routeName(String value) {
    if (!value.contains("*")) {
      return row -> row.route().startsWith(value);
    }
    StringBuilder re = new StringBuilder();
    for (String piece : value.split("\\*", -1)) {
      re.append(re.length() == 0 ? "" : ".*").append(Pattern.quote(piece));
    }
    Pattern glob = Pattern.compile(re.toString(), Pattern.DOTALL);
    return row -> glob.matcher(row.route()).matches();
  }

  /** A route can take a request under {@code p} unless it cannot match one or an earlier route takes them all. */
  private static boolean reachableUnder(RouteTable.Row row, String p) {
    if (!RouteMatching.couldServeUnder(row.context().route().getMatch(), p)) {
      return false;
    }
    for (Route earlier : row.context().virtualHost().getRoutesList().subList(0, row.context().index())) {
      if (RouteMatching.catchesAllUnder(earlier.getMatch(), p)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks the rows. An assertion that selects no route fails unless {@code allowEmpty}: a selector
   * with a typo in it selects nothing, and must not pass as if the routes were guarded.
   */
  public Result check(List<RouteTable.Row> rows, boolean allowEmpty) {
    List<Violation> violations = new ArrayList<>();
    int selected = 0;
    for (RouteTable.Row row : rows) {
      if (!selectors.stream().allMatch(s -> s.test(row))) {
        continue;
      }
      selected++;
      if (!row.forwards()) {
        continue; // it redirects or answers by itself: nothing behind it to guard
      }
      List<RouteTable.Applied> matching = row.protections().stream().filter(a -> alternatives.stream().anyMatch(alt -> satisfies(a, alt))).toList();
      if (matching.isEmpty()) {
        violations.add(new Violation(row.gateway(), row.route(), "has no " + String.join(" or ", alternatives)
            + (row.protections().isEmpty() ? " (no protection at all)" : " (has " + String.join(", ", row.protections().stream().map(RouteTable.Applied::label).toList()) + ")")));
      } else if (matching.stream().noneMatch(RouteTable.Applied::failClosed)) {
        violations.add(new Violation(row.gateway(), row.route(), String.join(", ", matching.stream().map(RouteTable.Applied::label).toList())
            + " lets requests through when it cannot decide"));
      }
    }
    return new Result(text, violations.isEmpty() && (selected > 0 || allowEmpty), selected, List.copyOf(violations));
  }

  private static boolean satisfies(RouteTable.Applied a, String alternative) {
    return switch (alternative) {
      case "authentication" -> a.protection().category() == Protection.Category.AUTHENTICATION;
      case "authorization" -> a.protection().category() == Protection.Category.AUTHORIZATION;
      default -> a.protection().id().equals(alternative);
    };
  }

  @Override
  public String toString() {
    return text;
  }
}

package dev.tollgate.review.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.BoolValue;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Envoy's documented route matching (route.v3.RouteMatch): path specifiers, case, headers, query, order. */
class RouteMatchingTest {

  private static HttpRequest get(String path, String... headers) {
    return HttpRequest.parse("GET http://h" + path, List.of(headers), null, null);
  }

  private static boolean matches(RouteMatch m, String path, String... headers) {
    return RouteMatching.mismatch(m, get(path, headers)).isEmpty();
  }

  @Test
  void prefixIsAStringPrefixOfThePathWithItsQuery() {
    RouteMatch m = RouteMatch.newBuilder().setPrefix("/api").build();
    assertThat(matches(m, "/api")).isTrue();
    assertThat(matches(m, "/apix")).isTrue();
    assertThat(matches(m, "/api/v1?x=1")).isTrue();
    assertThat(matches(m, "/ap")).isFalse();
    assertThat(matches(RouteMatch.newBuilder().setPrefix("/a?x").build(), "/a?x=1")).isTrue();
  }

  @Test
  void pathSeparatedPrefixTakesWholeSegmentsOnly() {
    RouteMatch m = RouteMatch.newBuilder().setPathSeparatedPrefix("/api/dev").build();
    assertThat(matches(m, "/api/dev")).isTrue();
    assertThat(matches(m, "/api/dev/")).isTrue();
    assertThat(matches(m, "/api/dev/v1")).isTrue();
    assertThat(matches(m, "/api/dev?param=true")).isTrue();
    assertThat(matches(m, "/api/developer")).isFalse();
    assertThat(RouteMatching.mismatch(m, get("/api/developer"))).hasValue("path is neither \"/api/dev\" nor under \"/api/dev/\"");
  }

  @Test
  void exactPathAndRegexIgnoreTheQuery() {
    assertThat(matches(RouteMatch.newBuilder().setPath("/status").build(), "/status?verbose=1")).isTrue();
    assertThat(matches(RouteMatch.newBuilder().setPath("/status").build(), "/status/")).isFalse();
    RouteMatch regex = RouteMatch.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex("/v[0-9]+/.*")).build();
    assertThat(matches(regex, "/v2/items?x=1")).isTrue();
    assertThat(matches(regex, "/api/v2/items")).isFalse(); // the whole path must match
  }

  @Test
  void caseSensitivityAppliesToPathsButNotToRegexes() {
    RouteMatch insensitive = RouteMatch.newBuilder().setPrefix("/API").setCaseSensitive(BoolValue.of(false)).build();
    assertThat(matches(insensitive, "/api/x")).isTrue();
    assertThat(matches(RouteMatch.newBuilder().setPrefix("/API").build(), "/api/x")).isFalse();
    RouteMatch regex = RouteMatch.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex("/API")).setCaseSensitive(BoolValue.of(false)).build();
    assertThat(matches(regex, "/api")).isFalse();
  }

  @Test
  void everyHeaderAndQueryMatcherMustHold() {
    RouteMatch m = RouteMatch.newBuilder().setPrefix("/")
        .addHeaders(HeaderMatcher.newBuilder().setName("x-env").setStringMatch(StringMatcher.newBuilder().setExact("canary")))
        .addQueryParameters(QueryParameterMatcher.newBuilder().setName("debug").setPresentMatch(true)).build();
    assertThat(matches(m, "/?debug", "x-env: canary")).isTrue();
    assertThat(matches(m, "/", "x-env: canary")).isFalse();
    assertThat(matches(m, "/?debug", "x-env: prod")).isFalse();
    assertThat(RouteMatching.mismatch(m, get("/?debug"))).hasValue("header x-env exact \"canary\" does not hold");
  }

  @Test
  void firstMatchWinsAndTheOnesBeforeSayWhyNot() {
    VirtualHost vh = VirtualHost.newBuilder()
        .addRoutes(Route.newBuilder().setName("exact").setMatch(RouteMatch.newBuilder().setPath("/a")))
        .addRoutes(Route.newBuilder().setName("all").setMatch(RouteMatch.newBuilder().setPrefix("/")))
        .addRoutes(Route.newBuilder().setName("never").setMatch(RouteMatch.newBuilder().setPrefix("/b"))).build();
    List<RouteMatching.Attempt> tried = RouteMatching.tried(vh, get("/b/c"));
    assertThat(tried).extracting(a -> a.route().getName()).containsExactly("exact", "all");
    assertThat(tried.get(0).mismatch()).isEqualTo("path is not \"/a\"");
    assertThat(tried.get(1).matched()).isTrue();
  }

  @Test
  void pathScopesForAssertions() {
    RouteMatch root = RouteMatch.newBuilder().setPrefix("/").build();
    RouteMatch admin = RouteMatch.newBuilder().setPathSeparatedPrefix("/admin").build();
    assertThat(RouteMatching.couldServeUnder(root, "/admin")).isTrue();
    assertThat(RouteMatching.confinedTo(root, "/admin")).isFalse();
    assertThat(RouteMatching.confinedTo(admin, "/admin")).isTrue();
    assertThat(RouteMatching.confinedTo(RouteMatch.newBuilder().setPath("/admin/users").build(), "/admin")).isTrue();
    assertThat(RouteMatching.couldServeUnder(RouteMatch.newBuilder().setPathSeparatedPrefix("/adminx").build(), "/admin")).isFalse();
    assertThat(RouteMatching.catchesAllUnder(admin, "/admin")).isTrue();
    assertThat(RouteMatching.catchesAllUnder(admin.toBuilder().addHeaders(HeaderMatcher.newBuilder().setName("x")).build(), "/admin")).isFalse();
  }
}

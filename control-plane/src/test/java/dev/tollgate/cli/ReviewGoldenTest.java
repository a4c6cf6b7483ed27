package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain} and {@code diff} on Envoy Gateway's OPA-sidecar walkthrough, as a reviewer and a
 * CI job run them: each output is checked for what it must say and kept as a golden file
 * ({@code testdata/review/*.golden.*}).
 */
class ReviewGoldenTest {

  private static final Path TESTDATA = Golden.testdata();
  private static final String WALKTHROUGH = TESTDATA.getParent().resolve("deploy/examples/opa-sidecar").toString();
  private static final String QUICKSTART = WALKTHROUGH + "/00-quickstart.yaml";
  private static final String MOVED = TESTDATA.resolve("review/moved-target").toString();
  private static final String NO_POLICY = TESTDATA.resolve("review/no-policy").toString();

  private static CliRun golden(String name, int exitCode, String... args) {
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
    Golden.check(TESTDATA.resolve("review/" + name), run.out());
    return run;
  }

  @Test
  void explain_protectedRoute_namesRouteJwtProviderExtAuthzSocketAndBackend() {
    String out = golden("explain-test-opa.golden.txt", 0, "explain", "-f", WALKTHROUGH, "GET http://foo.bar.com/test-opa/get").out();
    assertThat(out).contains("route      httproute/default/test-opa/rule/0/match/0/foo_bar_com  [HTTPRoute default/test-opa]")
        .contains("1. envoy.filters.http.jwt_authn  runs")
        .contains("provider httproute/default/test-opa/rule/0/match/0/foo_bar_com/my-jwt-validator")
        .contains("via cluster raw_githubusercontent_com_443")
        .contains("2. envoy.filters.http.ext_authz/securitypolicy/default/opa-jwt-authz  runs")
        .contains("cluster securitypolicy/default/opa-jwt-authz/extauth/0")
        .contains("service endpoints: pipe:/shared/opa/opa.sock")
        .contains("fails closed")
        .contains("backend    cluster httproute/default/test-opa/rule/0")
        .contains("10.244.0.11:3000 weight 1 healthy")
        .contains("outcome    401 from envoy.filters.http.jwt_authn: the request carries no token");
    assertThat(out.indexOf("jwt_authn  runs")).isLessThan(out.indexOf("ext_authz/securitypolicy/default/opa-jwt-authz  runs"));
  }

  @Test
  void explain_withClaims_json_leavesTheDecisionToOpa() {
    String out = golden("explain-test-opa.golden.json", 0, "explain", "-f", WALKTHROUGH, "-o", "json",
        "--jwt-claims", "{\"iss\":\"https://example.com\"}", "GET http://foo.bar.com/test-opa/get").out();
    assertThat(out).contains("\"verdict\" : \"allowed\"").contains("\"why\" : \"the authorization service decides\"")
        .contains("\"outcome\" : \"forwarded to httproute/default/test-opa/rule/0, if ext_authz allows it\"");
  }

  @Test
  void explain_unprotectedRoute_runsNeitherFilter() {
    String out = golden("explain-www.golden.txt", 0, "explain", "-f", WALKTHROUGH, "GET http://www.example.com/").out();
    assertThat(out).contains("envoy.filters.http.jwt_authn  skipped")
        .contains("envoy.filters.http.ext_authz/securitypolicy/default/opa-jwt-authz  skipped")
        .contains("outcome    forwarded to httproute/default/backend/rule/0");
  }

  @Test
  void explainRoutes_tableAndAssertions() {
    String out = golden("routes.golden.txt", 0, "explain", "-f", WALKTHROUGH, "--routes",
        "--assert", "path-prefix:/test-opa requires ext_authz", "--assert", "host:foo.bar.com requires jwt").out();
    assertThat(out).contains("PASS path-prefix:/test-opa requires ext_authz  (1 route)");
    golden("routes.golden.json", 0, "explain", "-f", WALKTHROUGH, "--routes", "-o", "json",
        "--assert", "path-prefix:/test-opa requires ext_authz");
  }

  @Test
  void explainAssert_policyRemoved_failsNamingTheRoute() {
    CliRun run = golden("assert-no-policy.golden.txt", 4, "explain", "-f", QUICKSTART, "-f", NO_POLICY,
        "--assert", "path-prefix:/test-opa requires ext_authz");
    assertThat(run.out()).contains("FAIL path-prefix:/test-opa requires ext_authz")
        .contains("default/eg httproute/default/test-opa/rule/0/match/0/foo_bar_com: has no ext_authz");
  }

  @Test
  void explainAssert_selectingNoRoute_failsUnlessAllowed_routeGlobs() {
    CliRun typo = CliRun.of("explain", "-f", WALKTHROUGH, "--assert", "host:foo.bar.con requires ext_authz");
    assertThat(typo.exitCode()).isEqualTo(4);
    assertThat(typo.out()).contains("FAIL host:foo.bar.con requires ext_authz  (0 routes: matches no route; --allow-empty accepts that)");
    CliRun allowed = CliRun.of("explain", "-f", WALKTHROUGH, "--allow-empty", "--assert", "host:foo.bar.con requires ext_authz");
    assertThat(allowed.exitCode()).isZero();
    assertThat(allowed.out()).contains("PASS host:foo.bar.con requires ext_authz  (0 routes: matches no route)");
    CliRun glob = CliRun.of("explain", "-f", WALKTHROUGH, "--assert", "route:httproute/default/*/rule/0/* requires jwt");
    assertThat(glob.exitCode()).isEqualTo(4);
    assertThat(glob.out()).contains("(2 routes)").contains("httproute/default/backend/rule/0/match/0/www_example_com: has no jwt");
    CliRun one = CliRun.of("explain", "-f", WALKTHROUGH, "--assert", "route:*test-opa* requires jwt");
    assertThat(one.exitCode()).as(one.out()).isZero();
    assertThat(one.out()).contains("PASS route:*test-opa* requires jwt  (1 route)");
  }

  @Test
  void explainAssert_reachesIsStricterThanPathPrefix() {
    CliRun run = CliRun.of("explain", "-f", WALKTHROUGH, "--assert", "reaches:/test-opa requires ext_authz");
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.out()).contains("httproute/default/backend/rule/0/match/0/www_example_com: has no ext_authz");
  }

  @Test
  void diff_policyRetargeted_classesAuthorizationWeakenedNamingThePolicy() {
    String out = golden("diff-moved-target.golden.txt", 1, "diff", "-f", WALKTHROUGH, "--against", "-f", QUICKSTART, "-f", MOVED).out();
    assertThat(out).startsWith("authorization-weakened  Gateway default/eg route httproute/default/test-opa/rule/0/match/0/foo_bar_com: "
        + "loses jwt; loses ext_authz\n    because SecurityPolicy default/opa-jwt-authz changed");
    String json = golden("diff-moved-target.golden.json", 1, "diff", "-f", WALKTHROUGH, "--against", "-f", QUICKSTART, "-f", MOVED,
        "-o", "json").out();
    assertThat(json).contains("\"class\" : \"authorization-weakened\"");
  }

  @Test
  void diffFailOn_weakening_exits4_otherClass_exits0() {
    assertThat(CliRun.of("diff", "-f", WALKTHROUGH, "--against", "-f", QUICKSTART, "-f", MOVED,
        "--fail-on", "authorization-weakened").exitCode()).isEqualTo(4);
    assertThat(CliRun.of("diff", "-f", WALKTHROUGH, "--against", "-f", QUICKSTART, "-f", MOVED,
        "--fail-on", "route-removed,status-regressed").exitCode()).isZero();
  }

  @Test
  void diff_reorderedFilesAndDocuments_noChange(@TempDir Path dir) throws IOException {
    List<String> docs = new ArrayList<>();
    for (String f : List.of(QUICKSTART, WALKTHROUGH + "/10-opa.yaml")) {
      for (String d : Files.readString(Path.of(f)).split("(?m)^---\\s*$")) {
        if (!d.isBlank()) {
          docs.add(d);
        }
      }
    }
    java.util.Collections.reverse(docs);
    int half = docs.size() / 2;
    Files.writeString(dir.resolve("b.yaml"), String.join("\n---\n", docs.subList(0, half)));
    Files.writeString(dir.resolve("a.yaml"), String.join("\n---\n", docs.subList(half, docs.size())));
    CliRun run = CliRun.of("diff", "-f", WALKTHROUGH, "--against", "-f", dir.resolve("b.yaml").toString(), "-f", dir.resolve("a.yaml").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    CliRun directories = CliRun.of("diff", WALKTHROUGH, dir.toString());
    assertThat(directories.exitCode()).as(directories.err()).isZero();
    assertThat(directories.out()).isEmpty();
  }

  @Test
  void diffGit_comparesRevisionWithWorkingTree(@TempDir Path repo) throws Exception {
    Assumptions.gitAvailable();
    Path file = repo.resolve("gw/manifests.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, Files.readString(Path.of(QUICKSTART)) + "\n---\n" + Files.readString(Path.of(WALKTHROUGH + "/10-opa.yaml")));
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base");
    Files.writeString(file, Files.readString(Path.of(QUICKSTART)) + "\n---\n" + Files.readString(Path.of(MOVED + "/10-opa.yaml")));
    CliRun run = CliRun.of("diff", "-f", repo.resolve("gw").toString(), "--git", "HEAD", "--fail-on", "authorization-weakened");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
    assertThat(run.out()).contains("authorization-weakened  Gateway default/eg route httproute/default/test-opa");
    CliRun missing = CliRun.of("diff", "-f", repo.resolve("gw").toString(), "--git", "no-such-rev");
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.err()).contains("--git no-such-rev");
  }

  @Test
  void diff_namesTheRuleAChangeComesFrom(@TempDir Path dir) throws IOException {
    Path base = dir.resolve("base.yaml");
    Path head = dir.resolve("head.yaml");
    Files.writeString(base, twoRuleRoute("/a", "/b", 3000));
    Files.writeString(head, twoRuleRoute("/a2", "/b", 3001));
    CliRun run = CliRun.of("diff", "-f", WALKTHROUGH, "-f", base.toString(), "--against", "-f", WALKTHROUGH, "-f", head.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    // rule 1's cluster comes from rule 1 only; the route configuration holds both rules' routes
    assertThat(run.out()).contains("clusters httproute/default/app/rule/1\n    because HTTPRoute default/app changed rule 1: "
        + "spec.rules[1].backendRefs[0].port\n")
        .contains("because HTTPRoute default/app changed spec.rules[0].matches[0].path.value, spec.rules[1].backendRefs[0].port");
    Files.writeString(head, twoRuleRoute("/a2", "/b", 3000).replaceAll("(?s)\n    - matches: \\[\\{path: \\{type: PathPrefix, value: /b.*", "\n"));
    CliRun removed = CliRun.of("diff", "-f", WALKTHROUGH, "-f", base.toString(), "--against", "-f", WALKTHROUGH, "-f", head.toString());
    assertThat(removed.out()).as(removed.err()).contains("route-removed  Gateway default/eg route httproute/default/app/rule/1/match/0/app_example_com: "
        + "the route is gone\n    because HTTPRoute default/app changed rule 1: spec.rules[1]\n");
  }

  private static String twoRuleRoute(String first, String second, int secondPort) {
    return """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: app
          namespace: default
        spec:
          parentRefs:
            - name: eg
          hostnames: [app.example.com]
          rules:
            - matches: [{path: {type: PathPrefix, value: %s}}]
              backendRefs: [{name: backend, port: 3000}]
            - matches: [{path: {type: PathPrefix, value: %s}}]
              backendRefs: [{name: backend, port: %d}]
        """.formatted(first, second, secondPort);
  }

  @Test
  void refusedPolicy_routeAnswers500_isNotWeakened_butRemovingThePolicyThenIs(@TempDir Path dir) throws IOException {
    Path refused = dir.resolve("refused/10-opa.yaml");
    Files.createDirectories(refused.getParent());
    Files.writeString(refused, Files.readString(Path.of(WALKTHROUGH + "/10-opa.yaml")).replace("\n  extAuth:\n", "\n  extAuthh:\n"));
    // a typo in the policy: its route fails closed (500), which weakens nothing, and the refusal is named
    CliRun typo = CliRun.of("diff", "-f", WALKTHROUGH, "--against", "-f", QUICKSTART, "-f", refused.getParent().toString());
    assertThat(typo.exitCode()).as(typo.err()).isEqualTo(1);
    assertThat(typo.out()).doesNotContain("authorization-weakened").startsWith("status-regressed  SecurityPolicy default/opa-jwt-authz")
        .contains("because SecurityPolicy default/opa-jwt-authz was refused when read");
    CliRun table = CliRun.of("explain", "-f", QUICKSTART, "-f", refused.getParent().toString(), "--routes",
        "--assert", "path-prefix:/test-opa requires ext_authz");
    assertThat(table.exitCode()).as(table.out()).isZero();
    assertThat(table.out()).contains("path_separated_prefix /test-opa  answers 500");
    // deleting the broken policy opens the route: weakened, and the policy named though it protected nothing
    CliRun removed = CliRun.of("diff", "-f", QUICKSTART, "-f", refused.getParent().toString(), "--against", "-f", QUICKSTART, "-f", NO_POLICY,
        "--fail-on", "authorization-weakened");
    assertThat(removed.exitCode()).isEqualTo(4);
    assertThat(removed.out()).startsWith("authorization-weakened  Gateway default/eg route httproute/default/test-opa/rule/0/match/0/foo_bar_com: "
        + "now forwards requests without authentication or authorization; it answered 500 before\n"
        + "    because SecurityPolicy default/opa-jwt-authz was removed\n");
  }

  @Test
  void aNewHostToAGuardedService_isABypass_forDiffAndForBackendAssertions(@TempDir Path dir) throws IOException {
    // the walkthrough with test-opa's backend a Service of its own, which only the guarded route reaches
    Path base = Files.createDirectories(dir.resolve("base"));
    Files.writeString(base.resolve("10-opa.yaml"), Files.readString(Path.of(WALKTHROUGH + "/10-opa.yaml"))
        .replace("\n    - name: backend\n      port: 3000", "\n    - name: secure\n      port: 3000"));
    Files.writeString(base.resolve("secure.yaml"), """
        apiVersion: v1
        kind: Service
        metadata: {name: secure, namespace: default}
        spec:
          ports: [{name: http, port: 3000}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: secure-1
          namespace: default
          labels: {kubernetes.io/service-name: secure}
        addressType: IPv4
        ports: [{name: http, port: 3000}]
        endpoints: [{addresses: [10.244.0.12], conditions: {ready: true}}]
        """);
    Path head = Files.createDirectories(dir.resolve("head"));
    for (String f : List.of("10-opa.yaml", "secure.yaml")) {
      Files.copy(base.resolve(f), head.resolve(f));
    }
    Files.writeString(head.resolve("bypass.yaml"), """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: bypass, namespace: default}
        spec:
          parentRefs: [{name: eg}]
          hostnames: [internal.example.com]
          rules: [{backendRefs: [{name: secure, port: 3000}]}]
        """);
    CliRun diff = CliRun.of("diff", "-f", QUICKSTART, "-f", base.toString(), "--against", "-f", QUICKSTART, "-f", head.toString(),
        "--fail-on", "authorization-weakened");
    assertThat(diff.exitCode()).as(diff.err()).isEqualTo(4);
    assertThat(diff.out()).contains("authorization-weakened  Gateway default/eg route httproute/default/bypass/rule/0/match/0/internal_example_com: "
        + "now forwards to Service default/secure without jwt, ext_authz, which every other route to it has\n"
        + "    because HTTPRoute default/bypass was added\n");
    // the walkthrough itself sends a guarded and an open route to one Service: no bypass is new there
    assertThat(CliRun.of("diff", "-f", QUICKSTART, "-f", base.toString(), "--against", "-f", WALKTHROUGH).out())
        .doesNotContain("now forwards to");
    CliRun asserted = CliRun.of("explain", "-f", QUICKSTART, "-f", head.toString(), "--assert", "backend:Service/default/secure requires ext_authz",
        "--assert", "host:foo.bar.com backend:default/secure requires jwt");
    assertThat(asserted.exitCode()).isEqualTo(4);
    assertThat(asserted.out()).contains("FAIL backend:Service/default/secure requires ext_authz  (2 routes)\n"
        + "  default/eg httproute/default/bypass/rule/0/match/0/internal_example_com: has no ext_authz (no protection at all)\n")
        .contains("PASS host:foo.bar.com backend:default/secure requires jwt  (1 route)");
    CliRun json = CliRun.of("explain", "-f", QUICKSTART, "-f", head.toString(), "--routes", "-o", "json");
    assertThat(json.out()).contains("\"backends\" : [ \"Service default/secure\" ]");
  }

  @Test
  void badCommandLines_exit2SayingWhy() {
    CliRun noSides = CliRun.of("diff", "-f", WALKTHROUGH);
    assertThat(noSides.exitCode()).isEqualTo(2);
    assertThat(noSides.err()).contains("--against");
    CliRun badClass = CliRun.of("diff", WALKTHROUGH, MOVED, "--fail-on", "weakened");
    assertThat(badClass.exitCode()).isEqualTo(2);
    assertThat(badClass.err()).contains("unknown class weakened");
    CliRun badAssert = CliRun.of("explain", "-f", WALKTHROUGH, "--assert", "path-prefix:/x needs jwt");
    assertThat(badAssert.exitCode()).isEqualTo(2);
    assertThat(badAssert.err()).contains("requires");
    CliRun badBackend = CliRun.of("explain", "-f", WALKTHROUGH, "--assert", "backend:secure requires jwt");
    assertThat(badBackend.exitCode()).isEqualTo(2);
    assertThat(badBackend.err()).contains("backend must be NAMESPACE/NAME or KIND/NAMESPACE/NAME");
    CliRun badRequest = CliRun.of("explain", "-f", WALKTHROUGH, "GET ftp://x/");
    assertThat(badRequest.exitCode()).isEqualTo(2);
    assertThat(badRequest.err()).contains("scheme must be http or https");
    CliRun noGateway = CliRun.of("explain", "-f", WALKTHROUGH, "--gateway", "default/nope", "GET http://foo.bar.com/");
    assertThat(noGateway.exitCode()).isEqualTo(2);
    assertThat(noGateway.err()).contains("no Gateway default/nope was translated; translated: default/eg");
  }

  @Test
  void oddRequests_explainedOrRefused_neverAnInternalError() {
    for (String request : List.of("GET http://foo.bar.com", "GET http://FOO.bar.com:80/TEST-OPA", "GET http://foo.bar.com/test-opa/%2e%2e/x",
        "GET http://foo.bar.com//test-opa//get", "GET http://foo.bar.com/test-opa%2Fget", "GET http://foo.bar.com/%zz%",
        "GET http://foo.bar.com/\u00e9t\u00e9?%=&&=x", "GET http://[::1]:80/", "GET http://foo.bar.com:99999/", "DELETE http://:80/",
        "get http://foo.bar.com/", "GET http://foo.bar.com/?access_token=x", "https://foo.bar.com/test-opa")) {
      CliRun run = CliRun.of("explain", "-f", WALKTHROUGH, request, "-H", "authorization: Bearer x", "-H", "x: a", "-H", "x: b");
      assertThat(run.exitCode()).as(request + ": " + run.err()).isIn(ExitCodes.OK, ExitCodes.USAGE);
    }
    CliRun tokenWithoutClaims = CliRun.of("explain", "-f", WALKTHROUGH, "GET http://foo.bar.com/test-opa/get", "-H", "Authorization: Bearer abc");
    assertThat(tokenWithoutClaims.out()).contains("→ unknown: a token is sent; explain cannot verify it");
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
  }

  /** Skips (saying why) what needs a program this machine lacks. */
  static final class Assumptions {
    static void gitAvailable() {
      boolean ok;
      try {
        ok = new ProcessBuilder("git", "--version").start().waitFor() == 0;
      } catch (IOException | InterruptedException e) {
        ok = false;
      }
      org.junit.jupiter.api.Assumptions.assumeTrue(ok, "git is not installed: diff --git runs it");
    }
  }
}

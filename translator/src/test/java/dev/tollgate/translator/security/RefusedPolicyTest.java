package dev.tollgate.translator.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Envoy Gateway's OPA-sidecar walkthrough with its SecurityPolicy's apiVersion mistyped: the
 * policy cannot be read, and the route it protects must answer 500, never be forwarded unchecked.
 */
class RefusedPolicyTest {

  private static final Path WALKTHROUGH = Golden.testdata().resolve("security/opa-sidecar.in.yaml");

  private static TranslationResult translate(String manifests) throws Exception {
    ManifestReader reader = new ManifestReader().readString("walkthrough.yaml", manifests);
    return new Pipeline(Golden.config(WALKTHROUGH)).run(reader.resources(), reader.problems());
  }

  private static Route route(TranslationResult result, String namePart) throws Exception {
    RouteConfiguration rc = (RouteConfiguration) result.gateways().get("default/eg")
        .resource(XdsType.ROUTE, "default/eg/http").orElseThrow();
    return rc.getVirtualHostsList().stream().flatMap(vh -> vh.getRoutesList().stream())
        .filter(r -> r.getName().contains(namePart)).findFirst().orElseThrow();
  }

  @Test
  void walkthrough_withSecurityPolicyApiVersionV1_closesTheProtectedRouteAndSaysWhy() throws Exception {
    String manifests = Files.readString(WALKTHROUGH)
        .replace("apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: SecurityPolicy", "apiVersion: gateway.envoyproxy.io/v1\nkind: SecurityPolicy");
    assertThat(manifests).contains("gateway.envoyproxy.io/v1\nkind: SecurityPolicy");

    TranslationResult result = translate(manifests);

    Route protectedRoute = route(result, "/test-opa/");
    assertThat(protectedRoute.hasDirectResponse()).isTrue();
    assertThat(protectedRoute.getDirectResponse().getStatus()).isEqualTo(500);
    assertThat(protectedRoute.hasRoute()).isFalse();
    assertThat(result.inputProblems()).extracting(Object::toString).anySatisfy(p -> assertThat(p)
        .contains("SecurityPolicy default/opa-jwt-authz: apiVersion: Unsupported value: \"gateway.envoyproxy.io/v1\""));
    assertThat(result.findings()).anySatisfy(f -> {
      assertThat(f.object().toString()).isEqualTo("SecurityPolicy default/opa-jwt-authz");
      assertThat(f.reason()).isEqualTo("Invalid");
      assertThat(f.message()).contains("refused when read", "answer 500");
    });
    assertThat(result.rejectedAnything()).isTrue();
  }

  @Test
  void walkthrough_unchanged_forwardsTheProtectedRouteWithItsChecks() throws Exception {
    TranslationResult result = translate(Files.readString(WALKTHROUGH));

    Route protectedRoute = route(result, "/test-opa/");
    assertThat(protectedRoute.hasRoute()).isTrue();
    assertThat(protectedRoute.getTypedPerFilterConfigMap()).isNotEmpty();
  }

  @Test
  void policyWhoseTargetsCannotBeRead_isAnErrorThatFailsStrict() throws Exception {
    TranslationResult result = translate(Files.readString(WALKTHROUGH).replace("targetSelectors:", "targetSelectors: 7\n  ignored:"));

    assertThat(result.inputProblems()).extracting(Object::toString)
        .anySatisfy(p -> assertThat(p).contains("SecurityPolicy default/opa-jwt-authz: spec.targetSelectors"));
    assertThat(result.findings()).anySatisfy(f -> {
      assertThat(f.type()).isEqualTo("Accepted");
      assertThat(f.message()).contains("targets no Gateway, HTTPRoute or GRPCRoute");
    });
    assertThat(result.rejectedAnything()).isTrue();
  }
}

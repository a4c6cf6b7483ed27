package dev.tollgate.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.status.PolicyStatus;
import dev.tollgate.translator.validate.XdsValidator;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsStage;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Envoy Gateway's EnvoyPatchPolicy guide, its policies unchanged, on the quickstart. */
class SeedGuideTest {

  private static TranslationResult translate(TranslatorConfig config) throws Exception {
    var reader = new ManifestReader().read(Golden.testdata().resolve("patch/seed-guide.in.yaml").toString());
    XdsValidator validator = new XdsValidator();
    return new Pipeline(config, new XdsStage(), List.of(new EnvoyPatchPolicyStage(validator)), validator)
        .run(reader.resources(), List.of());
  }

  private static List<String> programmed(TranslationResult r, String policy) {
    PolicyStatus status = (PolicyStatus) r.statuses().stream().filter(s -> s.name().equals(policy)).findFirst().orElseThrow().status();
    return status.ancestors().get(0).conditions().stream().map(c -> c.type() + "=" + c.status() + " " + c.reason() + ": " + c.message()).toList();
  }

  @Test
  void guidePatches_applyAndAreProgrammed_whileAPatchOfAMissingClusterReportsResourceNotFound() throws Exception {
    TranslationResult r = translate(TranslatorConfig.offline());
    GatewayXds xds = r.gateways().get("default/eg");
    HttpConnectionManager hcm = ((Listener) xds.resource(XdsType.LISTENER, "default/eg/http").orElseThrow())
        .getDefaultFilterChain().getFilters(0).getTypedConfig().unpack(HttpConnectionManager.class);
    assertThat(hcm.getLocalReplyConfig().getMappers(0).getStatusCode().getValue()).isEqualTo(406);
    assertThat(hcm.getLocalReplyConfig().getMappers(0).getBody().getInlineString()).isEqualTo("could not find what you are looking for");
    RouteConfiguration rc = (RouteConfiguration) xds.resource(XdsType.ROUTE, "default/eg/http").orElseThrow();
    assertThat(rc.getVirtualHosts(0).getName()).isEqualTo("default/eg/http/www_example_com");
    assertThat(rc.getVirtualHosts(0).getIncludeAttemptCountInResponse()).isTrue();
    assertThat(programmed(r, "custom-response-patch-policy")).contains("Programmed=True Programmed: All 1 patches are applied");
    assertThat(programmed(r, "include-attempts")).contains("Programmed=True Programmed: All 1 patches are applied");
    assertThat(programmed(r, "missing-cluster")).anySatisfy(c -> assertThat(c)
        .startsWith("Programmed=False ResourceNotFound").contains("httproute/default/nope/rule/0"));
    assertThat(xds.sources(XdsType.LISTENER, "default/eg/http"))
        .contains(new ObjectKey("EnvoyPatchPolicy", "default", "custom-response-patch-policy"));
  }

  @Test
  void disabledSwitch_appliesNothingAndSaysWhy() throws Exception {
    TranslationResult r = translate(TranslatorConfig.offline().withEnvoyPatchPolicyEnabled(false));
    RouteConfiguration rc = (RouteConfiguration) r.gateways().get("default/eg").resource(XdsType.ROUTE, "default/eg/http").orElseThrow();
    assertThat(rc.getVirtualHosts(0).getIncludeAttemptCountInResponse()).isFalse();
    assertThat(programmed(r, "include-attempts")).singleElement().satisfies(c -> assertThat(c).startsWith("Accepted=False Disabled"));
  }
}

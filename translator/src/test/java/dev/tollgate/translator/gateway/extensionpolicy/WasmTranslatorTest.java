package dev.tollgate.translator.gateway.extensionpolicy;

import dev.tollgate.testing.TestManifests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.wasm.WasmModules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a policy's Wasm entries become filters, statuses or closed routes, given what fetching
 * gives; fetching itself is tested against a real registry in control-plane.
 */
class WasmTranslatorTest {

  private static final String SHA = "ab".repeat(32);

  /** Records what is asked for; answers with a fixed outcome. */
  private static final class Recording implements WasmModules {
    final List<Source> asked = new ArrayList<>();
    final Outcome answer;

    Recording(Outcome answer) {
      this.answer = answer;
    }

    @Override
    public Outcome fetch(Source source) {
      asked.add(source);
      return answer;
    }

    @Override
    public Server server() {
      return new Server("tollgate.example.svc", 18002);
    }
  }

  private static TranslationResult translate(WasmModules modules, String wasm) throws Exception {
    ManifestReader reader = new ManifestReader();
    reader.readString("in.yaml", TestManifests.GATEWAY_AND_BACKEND + """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: app, namespace: default}
        spec: {parentRefs: [{name: eg}], rules: [{backendRefs: [{name: backend, port: 3000}]}]}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: opaque, namespace: default}
        type: Opaque
        stringData: {.dockerconfigjson: "{}"}
        ---
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: EnvoyExtensionPolicy
        metadata: {name: p, namespace: default}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: app}]
          wasm:
        """ + wasm);
    return new Pipeline(TranslatorConfig.offline().withWasmModules(modules)).run(reader.resources(), reader.problems());
  }

  private static String accepted(TranslationResult result) {
    var status = result.statuses().stream().filter(s -> s.kind().equals("EnvoyExtensionPolicy")).findFirst().orElseThrow();
    var c = dev.tollgate.translator.json.Mappers.json().valueToTree(status.status()).path("ancestors").path(0).path("conditions").path(0);
    return c.path("status").asText() + ": " + c.path("message").asText();
  }

  @Test
  void aFetchedModule_isServedFromTollgate_withItsSha() throws Exception {
    Recording modules = new Recording(new WasmModules.Fetched(SHA));
    TranslationResult result = translate(modules, """
            - code: {type: HTTP, http: {url: "https://modules.example.com/m.wasm"}}
        """);
    assertThat(accepted(result)).isEqualTo("True: Policy has been accepted");
    assertThat(modules.asked).singleElement().satisfies(s -> {
      assertThat(s.image()).isFalse();
      assertThat(s.url()).isEqualTo("https://modules.example.com/m.wasm");
      assertThat(s.alwaysPull()).isFalse();
    });
    assertThat(result.gateways()).containsKey("default/eg");
  }

  @Test
  void aFailedFetch_closesTheRoute_unlessFailOpen_whichLeavesTheFilterOutAndSaysSo() throws Exception {
    Recording modules = new Recording(new WasmModules.Failed("the registry could not be reached: refused"));
    TranslationResult closed = translate(modules, """
            - code: {type: Image, image: {url: "registry.example.com/wasm/m:v1"}}
        """);
    assertThat(accepted(closed)).isEqualTo("False: spec.wasm[0].code.image: the registry could not be reached: refused; "
        + "the routes it targets answer 500 until it is fixed");
    TranslationResult open = translate(modules, """
            - failOpen: true
              code: {type: Image, image: {url: "registry.example.com/wasm/m:v1"}}
        """);
    assertThat(accepted(open)).isEqualTo("True: Policy has been accepted; spec.wasm[0]: the registry could not be reached: refused; "
        + "the module is left out, as failOpen asks");
  }

  @Test
  void latestImagesWithoutADigest_arePulledEachTime() throws Exception {
    Recording modules = new Recording(new WasmModules.Fetched(SHA));
    translate(modules, """
            - code: {type: Image, image: {url: "registry.example.com/wasm/m"}}
            - code: {type: Image, image: {url: "registry.example.com/wasm/m:v1"}}
            - code: {type: Image, image: {url: "registry.example.com/wasm/m:latest", sha256: "%s"}}
            - code: {type: HTTP, http: {url: "https://modules.example.com/m.wasm"}, pullPolicy: Always}
        """.formatted(SHA));
    assertThat(modules.asked).extracting(WasmModules.Source::alwaysPull).containsExactly(true, false, false, true);
  }

  @Test
  void aPullSecretMustBeADockerConfig() throws Exception {
    Recording modules = new Recording(new WasmModules.Fetched(SHA));
    TranslationResult result = translate(modules, """
            - code: {type: Image, image: {url: "registry.example.com/wasm/m:v1", pullSecretRef: {name: opaque}}}
        """);
    assertThat(accepted(result)).contains("spec.wasm[0].code.image.pullSecretRef: Secret default/opaque is of type Opaque, "
        + "not kubernetes.io/dockerconfigjson");
    assertThat(modules.asked).as("nothing is fetched for a policy already refused").isEmpty();
  }
}

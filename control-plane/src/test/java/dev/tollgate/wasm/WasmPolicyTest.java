package dev.tollgate.wasm;

import dev.tollgate.testing.TestManifests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.status.ObjectStatus;
import dev.tollgate.translator.wasm.WasmModules;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.http.wasm.v3.Wasm;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EnvoyExtensionPolicies with Wasm images in both of the seed's formats, pushed to a real registry
 * on loopback: Tollgate pulls them, serves them from its module server, and points each route's
 * Wasm filter there with the module's sha256; a wrong sha256 closes the route or, with failOpen,
 * leaves the filter out; a status says which.
 */
class WasmPolicyTest {

  @TempDir Path dir;

  /** A module with a custom section, so the two images' modules differ. */
  private static byte[] module(String tag) {
    byte[] name = tag.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] m = new byte[8 + 3 + name.length];
    System.arraycopy(RegistryClientTest.MODULE, 0, m, 0, 8);
    m[8] = 0; // custom section
    m[9] = (byte) (1 + name.length);
    m[10] = (byte) name.length;
    System.arraycopy(name, 0, m, 11, name.length);
    return m;
  }

  private static String manifests(String registry, String wrongSha) {
    StringBuilder b = new StringBuilder(TestManifests.GATEWAY_AND_BACKEND.replaceFirst("---\n$", ""));
    for (String r : List.of("docker", "oci", "wrong", "wrong-open", "plain")) {
      b.append("---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: ").append(r)
          .append(", namespace: default}\nspec:\n  parentRefs: [{name: eg}]\n  hostnames: [").append(r)
          .append(".example.com]\n  rules: [{backendRefs: [{name: backend, port: 3000}]}]\n");
    }
    policy(b, "docker", "oci://" + registry + "/wasm/docker:0.1.0", null, false);
    policy(b, "oci", registry + "/wasm/oci:v1", null, false);
    policy(b, "wrong", registry + "/wasm/oci:v1", wrongSha, false);
    policy(b, "wrong-open", registry + "/wasm/oci:v1", wrongSha, true);
    return b.toString();
  }

  private static void policy(StringBuilder b, String route, String url, String sha, boolean failOpen) {
    b.append("---\napiVersion: gateway.envoyproxy.io/v1alpha1\nkind: EnvoyExtensionPolicy\nmetadata: {name: ").append(route)
        .append(", namespace: default}\nspec:\n  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: ")
        .append(route).append("}]\n  wasm:\n    - name: ").append(route).append("-filter\n      rootID: my_root\n")
        .append("      failOpen: ").append(failOpen).append("\n      config: {greeting: hello}\n")
        .append("      code:\n        type: Image\n        image:\n          url: \"").append(url).append("\"\n");
    if (sha != null) {
      b.append("          sha256: \"").append(sha).append("\"\n");
    }
  }

  @Test
  void bothImageFormats_areServedByTollgate_andDigestsAreChecked() throws Exception {
    byte[] dockerModule = module("docker");
    byte[] ociModule = module("oci");
    Files.createDirectories(dir.resolve("registry"));
    try (LoopbackRegistry registry = LoopbackRegistry.start(dir.resolve("registry"), null, null)) {
      registry.pushImage("wasm/docker", "0.1.0", "application/vnd.docker.distribution.manifest.v2+json",
          "application/vnd.docker.container.image.v1+json", "application/vnd.docker.image.rootfs.diff.tar.gzip",
          RegistryClientTest.tar("plugin.wasm", dockerModule, true));
      registry.pushImage("wasm/oci", "v1", "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.oci.image.config.v1+json", "application/vnd.oci.image.layer.v1.tar",
          RegistryClientTest.tar("plugin.wasm", ociModule, false));
      WasmCache cache = new WasmCache(dir.resolve("cache"), 1 << 20);
      try (WasmModuleServer server = new WasmModuleServer(cache, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
        ModuleFetcher fetcher = new ModuleFetcher(cache, new WasmModules.Server("127.0.0.1", server.port()), Set.of(),
            Clock.systemUTC());
        String wrong = "0".repeat(64);
        var reader = new ManifestReader();
        reader.readString("wasm.yaml", manifests(registry.address, wrong));
        TranslationResult result = new Pipeline(TranslatorConfig.offline().withWasmModules(fetcher))
            .run(reader.resources(), reader.problems());
        assertThat(result.gateways()).as("problems: %s", result.problems()).containsKey("default/eg");
        var xds = result.gateways().get("default/eg");

        HttpConnectionManager hcm = ((Listener) xds.resource(XdsType.LISTENER, "default/eg/http").orElseThrow())
            .getDefaultFilterChain().getFilters(0).getTypedConfig().unpack(HttpConnectionManager.class);
        List<String> wasmFilters = hcm.getHttpFiltersList().stream().map(HttpFilter::getName)
            .filter(n -> n.startsWith("envoy.filters.http.wasm/")).toList();
        assertThat(wasmFilters).containsExactly(
            "envoy.filters.http.wasm/envoyextensionpolicy/default/docker/wasm/0",
            "envoy.filters.http.wasm/envoyextensionpolicy/default/oci/wasm/0");
        HttpClient http = HttpClient.newHttpClient();
        for (var expected : List.of(new Object[] {"docker", dockerModule}, new Object[] {"oci", ociModule})) {
          String name = "envoy.filters.http.wasm/envoyextensionpolicy/default/" + expected[0] + "/wasm/0";
          HttpFilter filter = hcm.getHttpFiltersList().stream().filter(f -> f.getName().equals(name)).findFirst().orElseThrow();
          assertThat(filter.getDisabled()).isTrue();
          var plugin = filter.getTypedConfig().unpack(Wasm.class).getConfig();
          var remote = plugin.getVmConfig().getCode().getRemote();
          assertThat(remote.getSha256()).isEqualTo(Digests.sha256((byte[]) expected[1]));
          assertThat(remote.getHttpUri().getUri())
              .isEqualTo("http://127.0.0.1:" + server.port() + "/wasm/" + remote.getSha256() + ".wasm");
          assertThat(plugin.getRootId()).isEqualTo("my_root");
          assertThat(plugin.getConfiguration().unpack(com.google.protobuf.StringValue.class).getValue())
              .isEqualTo("{\"greeting\":\"hello\"}");
          byte[] served = http.send(HttpRequest.newBuilder(URI.create(remote.getHttpUri().getUri())).build(),
              HttpResponse.BodyHandlers.ofByteArray()).body();
          assertThat(served).as("what the proxy fetches is the module, byte for byte").isEqualTo((byte[]) expected[1]);
          assertThat(route(xds, expected[0] + ".example.com").getTypedPerFilterConfigMap()).containsOnlyKeys(name);
        }
        assertThat(route(xds, "plain.example.com").getTypedPerFilterConfigMap()).isEmpty();
        assertThat(route(xds, "wrong.example.com").getDirectResponse().getStatus()).isEqualTo(500);
        assertThat(route(xds, "wrong-open.example.com").getTypedPerFilterConfigMap()).isEmpty();
        assertThat(route(xds, "wrong-open.example.com").hasDirectResponse()).isFalse();

        String actual = "sha256:" + Digests.sha256(registryManifest(registry, "wasm/oci", "v1"));
        assertThat(accepted(result, "wrong")).startsWith("False Invalid: spec.wasm[0].code.image: ")
            .contains("the image's digest is " + actual + ", not sha256:" + wrong);
        assertThat(accepted(result, "wrong-open")).startsWith("True Accepted: Policy has been accepted; spec.wasm[0]: ")
            .contains("not sha256:" + wrong).endsWith("the module is left out, as failOpen asks");
      }
    }
  }

  private static byte[] registryManifest(LoopbackRegistry registry, String repository, String tag) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + registry.address + "/v2/" + repository
        + "/manifests/" + tag)).header("Accept", RegistryClient.ACCEPT).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
  }

  private static Route route(dev.tollgate.translator.xds.GatewayXds xds, String domain) {
    RouteConfiguration rc = (RouteConfiguration) xds.resource(XdsType.ROUTE, "default/eg/http").orElseThrow();
    return rc.getVirtualHostsList().stream().filter(v -> v.getDomainsList().contains(domain)).findFirst().orElseThrow().getRoutes(0);
  }

  private static String accepted(TranslationResult result, String policy) {
    ObjectStatus status = result.statuses().stream()
        .filter(s -> s.kind().equals("EnvoyExtensionPolicy") && s.name().equals(policy)).findFirst().orElseThrow();
    var c = dev.tollgate.translator.json.Mappers.json().valueToTree(status.status()).path("ancestors").path(0).path("conditions").path(0);
    return c.path("status").asText() + " " + c.path("reason").asText() + ": " + c.path("message").asText();
  }
}

package dev.tollgate.kubernetes;

import static dev.tollgate.kubernetes.KubernetesServe.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.tollgate.serve.AdsTestClient;
import dev.tollgate.serve.provider.kubernetes.KubernetesProvider;
import dev.tollgate.testing.Golden;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code serve --provider kubernetes --least-privilege}: Secrets and ConfigMaps are read one by one,
 * by name, as translations reference them, and never listed or watched wholesale.
 */
@Timeout(90)
class KubernetesLeastPrivilegeTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Map<String, Object> LEAST_PRIVILEGE = Map.of("tollgate.least-privilege", true,
      "tollgate.resync-interval", "1s");
  /** A request for Secrets or ConfigMaps: the namespace, the kind's resource and the query. */
  private static final Pattern CORE_READ = Pattern.compile("GET /api/v1/namespaces/([^/]+)/(secrets|configmaps)(/[^?]*)?(\\?.*)?");
  private static final Pattern WHOLESALE = Pattern.compile("GET /api/v1/(secrets|configmaps)(\\?.*)?");
  private static final String UNRELATED = """
      apiVersion: v1
      kind: Secret
      metadata: {name: unrelated, namespace: default}
      type: Opaque
      data: {key: c2VjcmV0}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: unrelated-map, namespace: default}
      data: {key: value}
      """;

  private static List<String> documents(String yaml) {
    return Arrays.stream(yaml.split("(?m)^---$")).map(String::strip).filter(d -> d.contains("kind:")).toList();
  }

  private static boolean ofKind(String doc, String kind) {
    return Pattern.compile("(?m)^kind: " + kind + "$").matcher(doc).find();
  }

  /** The manifest without its objects of a kind, and those objects alone. */
  private static String without(String yaml, String kind) {
    return documents(yaml).stream().filter(d -> !ofKind(d, kind)).collect(Collectors.joining("\n---\n"));
  }

  private static String only(String yaml, String kind) {
    return documents(yaml).stream().filter(d -> ofKind(d, kind)).collect(Collectors.joining("\n---\n"));
  }

  private static GatewayXds translated(KubernetesServe serve, String yaml) throws Exception {
    ManifestReader reader = new ManifestReader().readString("in.yaml", yaml);
    return serve.bean(Pipeline.class).run(reader.resources(), reader.problems()).gateways().get("default/eg");
  }

  private static Map<String, Message> byName(XdsType type, GatewayXds xds) {
    Map<String, Message> out = new TreeMap<>();
    xds.resources(type).forEach(m -> out.put(type.nameOf(m), m));
    return out;
  }

  private static KubernetesProvider provider(KubernetesServe serve) {
    return (KubernetesProvider) serve.loop().provider().orElseThrow();
  }

  /**
   * Reads of Secrets and ConfigMaps the API server received, each as {@code resource ns/name}; a
   * list or watch not restricted to one name fails the test.
   */
  private static List<String> namedReads(List<String> requests) {
    List<String> reads = new ArrayList<>();
    for (String raw : requests) {
      String request = URLDecoder.decode(raw, StandardCharsets.UTF_8);
      assertThat(WHOLESALE.matcher(request).matches()).as("a read in every namespace: %s", request).isFalse();
      Matcher m = CORE_READ.matcher(request);
      if (!m.matches()) {
        continue;
      }
      if (m.group(3) != null) { // a GET of one object (the test's own)
        reads.add(m.group(2) + " " + m.group(1) + m.group(3));
        continue;
      }
      Matcher name = Pattern.compile("[?&]fieldSelector=metadata\\.name=([^&,]+)(&|$)").matcher(m.group(4) == null ? "" : m.group(4));
      assertThat(name.find()).as("a list or watch of one name only: %s", request).isTrue();
      reads.add(m.group(2) + " " + m.group(1) + "/" + name.group(1));
    }
    return reads;
  }

  /** Pushes of secrets until they are {@code want}; other types are ACKed. */
  private static boolean secretsPushed(AdsTestClient proxy, Map<String, Message> want) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      DiscoveryResponse response = proxy.next(Duration.ofMillis(500));
      if (response == null) {
        continue;
      }
      proxy.ack(response, List.of());
      if (response.getTypeUrl().equals(XdsType.SECRET.typeUrl())
          && AdsTestClient.byName(XdsType.SECRET, response.getResourcesList()).equals(want)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aReferencedSecret_isServedOnceItExists_andWhenItChanges_noOtherSecretIsRequested_andAnUnreferencedOneIsNoLongerRead()
      throws Exception {
    String https = Files.readString(Golden.testdata().resolve("https/terminate.in.yaml"));
    try (CrdMockCluster cluster = new CrdMockCluster()) {
      cluster.create(without(https, "Secret"));
      cluster.create(UNRELATED);
      try (KubernetesServe serve = KubernetesServe.against(cluster.url(), LEAST_PRIVILEGE);
          AdsTestClient proxy = new AdsTestClient(serve.xdsAddress(), "default/eg")) {
        assertThat(eventually(WAIT, () -> serve.loop().last().isPresent())).as("a first translation").isTrue();
        assertThat(eventually(WAIT, () -> provider(serve).readByReference().equals(Set.of(
            new ObjectKey("Secret", "default", "api-cert"), new ObjectKey("Secret", "default", "example-cert")))))
            .as("read: %s", provider(serve).readByReference()).isTrue();
        assertThat(eventually(WAIT, () -> serve.loop().lastProblems().stream()
            .anyMatch(p -> p.contains("Secret default/example-cert does not exist"))))
            .as("a missing Secret is reported as without least privilege: %s", serve.loop().lastProblems()).isTrue();
        assertThat(eventually(WAIT, () -> provider(serve).synced())).as("the named informers list nothing, and are synced").isTrue();

        cluster.create(only(https, "Secret"));
        proxy.request(XdsType.SECRET.typeUrl(), List.of(), "", "");
        Map<String, Message> served = byName(XdsType.SECRET, translated(serve, https));
        assertThat(served).containsKeys("default/example-cert", "default/api-cert");
        assertThat(secretsPushed(proxy, served)).as("the Secrets, once they exist").isTrue();
        assertThat(eventually(WAIT, () -> serve.loop().lastProblems().isEmpty())).as("problems: %s", serve.loop().lastProblems())
            .isTrue();
        assertThat(eventually(WAIT, () -> get(serve, "/health/readiness") == 200)).as("ready").isTrue();

        // The Secret edited in place: example-cert now holds api-cert's certificate and key.
        var secrets = cluster.client().secrets().inNamespace("default");
        var exampleCert = secrets.withName("example-cert").get();
        exampleCert.setData(secrets.withName("api-cert").get().getData());
        secrets.resource(exampleCert).update();
        String changed = without(https, "Secret") + "\n---\n" + only(https, "Secret").replaceFirst(
            "(?s)(name: example-cert.*?data:\n)(.*?)(?=\n---|$)", "$1" + Matcher.quoteReplacement(dataOf(https, "api-cert")));
        Map<String, Message> servedChanged = byName(XdsType.SECRET, translated(serve, changed));
        assertThat(servedChanged).isNotEqualTo(served);
        assertThat(secretsPushed(proxy, servedChanged)).as("the changed Secret is pushed").isTrue();

        // The Gateway's listener that referenced example-cert is dropped: example-cert is no longer read.
        var gateways = cluster.client().genericKubernetesResources("gateway.networking.k8s.io/v1", "Gateway").inNamespace("default");
        GenericKubernetesResource gateway = gateways.withName("eg").get();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listeners = (List<Map<String, Object>>) ((Map<String, Object>) gateway.getAdditionalProperties()
            .get("spec")).get("listeners");
        listeners.removeIf(l -> "https".equals(l.get("name")));
        gateways.resource(gateway).update();
        assertThat(eventually(WAIT, () -> provider(serve).readByReference().equals(Set.of(new ObjectKey("Secret", "default", "api-cert")))))
            .as("read: %s", provider(serve).readByReference()).isTrue();

        List<String> reads = namedReads(cluster.requests());
        assertThat(reads).as("Secrets and ConfigMaps read").isNotEmpty()
            .allMatch(r -> r.equals("secrets default/example-cert") || r.equals("secrets default/api-cert"));
        assertThat(reads).contains("secrets default/example-cert", "secrets default/api-cert");
      }
    }
  }

  @Test
  void aReferencedConfigMap_ofAJwtProvider_isReadOnceItExists_andNoOtherIs() throws Exception {
    String jwt = Files.readString(Golden.testdata().resolve("security/jwt-providers.in.yaml"));
    try (CrdMockCluster cluster = new CrdMockCluster()) {
      cluster.create(without(jwt, "ConfigMap"));
      cluster.create(UNRELATED);
      try (KubernetesServe serve = KubernetesServe.against(cluster.url(), LEAST_PRIVILEGE)) {
        assertThat(eventually(WAIT, () -> serve.loop().lastProblems().stream()
            .anyMatch(p -> p.contains("ConfigMap default/partner-keys does not exist"))))
            .as("problems: %s", serve.loop().lastProblems()).isTrue();
        assertThat(provider(serve).readByReference()).containsExactly(new ObjectKey("ConfigMap", "default", "partner-keys"));

        cluster.create(only(jwt, "ConfigMap"));
        Map<String, Message> expected = byName(XdsType.LISTENER, translated(serve, jwt));
        assertThat(expected.toString()).contains("partner");
        assertThat(eventually(WAIT, () -> serve.loop().last().map(r -> r.gateways().get("default/eg"))
            .map(g -> byName(XdsType.LISTENER, g).equals(expected)).orElse(false)))
            .as("the listeners, with the ConfigMap's keys; problems: %s", serve.loop().lastProblems()).isTrue();
        assertThat(serve.loop().lastProblems()).noneMatch(p -> p.contains("partner-keys"));
        assertThat(namedReads(cluster.requests())).isNotEmpty().allMatch(r -> r.equals("configmaps default/partner-keys"));
      }
    }
  }

  @Test
  void aReferencedSecretThatCannotBeRead_isReportedAndMissing_andDoesNotHoldReadinessBack() throws Exception {
    String https = Files.readString(Golden.testdata().resolve("https/terminate.in.yaml"));
    try (CrdMockCluster cluster = new CrdMockCluster()) {
      cluster.create(https);
      cluster.forbidReads("metadata.name=api-cert");
      try (KubernetesServe serve = KubernetesServe.against(cluster.url(), LEAST_PRIVILEGE)) {
        assertThat(eventually(WAIT, () -> serve.loop().lastProblems().stream()
            .anyMatch(p -> p.contains("kubernetes: Secret default/api-cert: cannot be read"))))
            .as("problems: %s", serve.loop().lastProblems()).isTrue();
        assertThat(serve.loop().lastProblems()).anyMatch(p -> p.contains("Secret default/api-cert does not exist"))
            .noneMatch(p -> p.contains("example-cert"));
        assertThat(eventually(WAIT, () -> get(serve, "/health/readiness") == 200)).as("ready").isTrue();
        assertThat(serve.loop().last().orElseThrow().gateways().get("default/eg").resources(XdsType.SECRET))
            .extracting(XdsType.SECRET::nameOf).containsExactly("default/example-cert");
      }
    }
  }

  @Test
  void withoutLeastPrivilege_secretsAreListedInEveryNamespace_asBefore() throws Exception {
    try (CrdMockCluster cluster = new CrdMockCluster()) {
      cluster.create(UNRELATED);
      try (KubernetesServe serve = KubernetesServe.against(cluster.url(), Map.of())) {
        assertThat(eventually(WAIT, () -> serve.loop().last().isPresent())).isTrue();
        assertThat(provider(serve).readByReference()).isEmpty();
        assertThat(cluster.requests().stream().map(r -> URLDecoder.decode(r, StandardCharsets.UTF_8)))
            .anyMatch(r -> WHOLESALE.matcher(r).matches() && r.contains("/secrets"));
      }
    }
  }

  private static int get(KubernetesServe serve, String path) {
    try {
      return serve.get(path).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  /** A Secret's data block in the manifest, as its lines. */
  private static String dataOf(String yaml, String secret) {
    String doc = documents(yaml).stream().filter(d -> ofKind(d, "Secret") && d.contains("name: " + secret + ",")).findFirst()
        .orElseThrow();
    return doc.substring(doc.indexOf("data:\n") + "data:\n".length());
  }
}

package dev.tollgate.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import dev.tollgate.cli.Main;
import dev.tollgate.testing.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * The OPA-sidecar walkthrough (deploy/examples/opa-sidecar) with real containers: Envoy fetching
 * its configuration from Tollgate serving the walkthrough's manifests, OPA with its Envoy plugin
 * listening on a unix socket in a volume shared with Envoy (as the pod's emptyDir is), and the
 * quickstart's echo backend. Checks the walkthrough's three outcomes. Needs a container engine:
 * where none is available, JUnit reports the class as skipped ("disabledWithoutDocker").
 *
 * <p>Two deviations from a cluster, both forced by running without one: the backend's
 * EndpointSlice names the echo container's address, and the JWT provider's key set is given
 * inline (the walkthrough's own public key) instead of fetched from GitHub, so the test needs no
 * internet beyond pulling images.
 */
@org.testcontainers.junit.jupiter.Testcontainers(disabledWithoutDocker = true)
class OpaSidecarContainersTest {

  private static final String ENVOY_IMAGE = "envoyproxy/envoy:distroless-v1.36.2";
  private static final String ECHO_IMAGE = "gcr.io/k8s-staging-gateway-api/echo-basic:v20231214-v1.0.0-140-gf544a46e";
  /** The walkthrough's token: signed by its key set, issuer https://foo.bar.com, no expiry. */
  private static final String VALID_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6ImI1MjBiM2MyYzRiZDc1YTEwZTljZWJjOTU3NjkzM2RjIn0."
      + "eyJpc3MiOiJodHRwczovL2Zvby5iYXIuY29tIiwic3ViIjoiMTIzNDU2Nzg5MCIsInVzZXIiOnsibmFtZSI6IkpvaG4gRG9lIiwiZW1haWwiOiJqb2huLmRvZUBleGFtcGxlLmNvbSIsInJvbGVzIjpbImFkbWluIiwiZWRpdG9yIl19LCJwcmVtaXVtX3VzZXIiOnRydWUsImlhdCI6MTUxNjIzOTAyMiwic2NvcGUiOiJyZWFkIGFkZCBkZWxldGUgbW9kaWZ5In0."
      + "P36iAlmiRCC79OiB3vstF5Q_9OqUYAMGF3a3H492GlojbV6DcuOz8YIEYGsRSWc-BNJaBKlyvUKsKsGVPtYbbF8ajwZTs64wyO-zhd2R8riPkg_HsW7iwGswV12f5iVRpfQ4AG2owmdOToIaoch0aym89He1ZzEjcShr9olgqlAbbmhnk-namd1rP-xpzPnWhhIVI3mCz5hYYgDTMcM7qbokM5FzFttTRXAn5_Luor23U1062Ct_K53QArwxBvwJ-QYiqcBycHf-hh6sMx_941cUswrZucCpa-EwA3piATf9PKAyeeWHfHV9X-y8ipGOFg3mYMMVBuUZ1lBkJCik9f9kboRY6QzpOISARQj9PKMXfxZdIPNuGmA7msSNAXQgqkvbx04jMwb9U7eCEdGZztH4C8LhlRjgj0ZdD7eNbRjeH2F6zrWyMUpGWaWyq6rMuP98W2DWM5ZflK6qvT1c7FuFsWPvWLkgxQwTWQKrHdKwdbsu32Sj8VtUBJ0-ddEb";
  private static final YAMLMapper YAML = new YAMLMapper();

  private static final Network network = Network.newNetwork();
  private static final String socketVolume = "tollgate-opa-socket-" + UUID.randomUUID();
  private static GenericContainer<?> echo;
  private static GenericContainer<?> envoy;
  private static GenericContainer<?> opa;
  private static ServeFixture tollgate;
  private static ObjectNode opaContainer;
  private static String policy;

  @BeforeAll
  static void start() throws Exception {
    Path example = Golden.testdata().resolveSibling("deploy").resolve("examples").resolve("opa-sidecar");
    List<ObjectNode> documents = new ArrayList<>();
    try (var files = Files.list(example)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (var parser = new YAMLFactory().createParser(f.toFile())) {
          YAML.readValues(parser, ObjectNode.class).forEachRemaining(documents::add);
        }
      }
    }
    opaContainer = opaSidecar(documents);
    policy = object(documents, "ConfigMap", "opa-policy").path("data").path("policy.rego").asText();

    echo = new GenericContainer<>(ECHO_IMAGE).withNetwork(network).withExposedPorts(3000)
        .withEnv(Map.of("POD_NAME", "backend", "NAMESPACE", "default")).waitingFor(Wait.forHttp("/").forPort(3000));
    echo.start();
    String echoAddress = echo.getContainerInfo().getNetworkSettings().getNetworks().values().iterator().next().getIpAddress();

    Path manifests = Files.createTempDirectory("tollgate-walkthrough");
    for (ObjectNode d : documents) {
      localize(d, echoAddress);
    }
    Files.writeString(manifests.resolve("walkthrough.yaml"), yamlStream(documents));
    tollgate = ServeFixture.servingRoots(List.of(manifests), Map.of("tollgate.enable-backend", true));
    int xdsPort = Integer.parseInt(tollgate.xdsAddress().substring(tollgate.xdsAddress().lastIndexOf(':') + 1));
    Testcontainers.exposeHostPorts(xdsPort);

    // A named volume shared by both containers, world-writable as a pod's emptyDir is.
    new GenericContainer<>("busybox:1.36").withCommand("chmod", "0777", "/shared/opa")
        .withCreateContainerCmdModifier(c -> c.getHostConfig().withBinds(new Bind(socketVolume, new Volume("/shared/opa"))))
        .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)))
        .start();
    opa = opa(opaContainer);
    opa.start();

    Path bootstrap = manifests.resolve("bootstrap.yaml");
    Files.writeString(bootstrap, cli("bootstrap", "--gateway", "default/eg", "--xds-address",
        "host.testcontainers.internal:" + xdsPort));
    envoy = new GenericContainer<>(ENVOY_IMAGE).withNetwork(network).withExposedPorts(10080)
        .withCopyFileToContainer(MountableFile.forHostPath(bootstrap, 0644), "/etc/envoy/bootstrap.yaml")
        .withCommand("-c", "/etc/envoy/bootstrap.yaml", "--log-level", "info")
        .withCreateContainerCmdModifier(c -> c.withUser("65532")
            .getHostConfig().withBinds(new Bind(socketVolume, new Volume("/shared/opa"))))
        .waitingFor(Wait.forLogMessage(".*starting main dispatch loop.*", 1));
    envoy.start();
  }

  @AfterAll
  static void stop() throws Exception {
    for (GenericContainer<?> c : new GenericContainer<?>[] {envoy, opa, echo}) {
      if (c != null) {
        c.stop();
      }
    }
    if (tollgate != null) {
      tollgate.close();
    }
    network.close();
  }

  @Test
  void theWalkthroughsThreeOutcomes() throws Exception {
    assertThat(status(null)).as("no JWT").isEqualTo(401);
    assertThat(status(VALID_TOKEN)).as("a valid JWT, issuer not the allowed one").isEqualTo(403);

    // The walkthrough's last step: ALLOWED_ISS changed in the EnvoyProxy, the pod replaced.
    opa.stop();
    ((ArrayNode) opaContainer.path("env")).forEach(e -> {
      if ("ALLOWED_ISS".equals(e.path("name").asText())) {
        ((ObjectNode) e).put("value", "https://foo.bar.com");
      }
    });
    opa = opa(opaContainer);
    opa.start();
    assertThat(status(VALID_TOKEN)).as("a valid JWT of the allowed issuer").isEqualTo(200);
  }

  /** The status of {@code GET /test-opa/get} for foo.bar.com, once Envoy has its route (retried while it has none). */
  private static int status(String token) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI uri = URI.create("http://" + envoy.getHost() + ":" + envoy.getMappedPort(10080) + "/test-opa/get");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int status;
    do {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Host", "foo.bar.com").timeout(Duration.ofSeconds(5));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      try {
        status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (java.io.IOException notYetListening) {
        status = -1;
      }
      // 404: no route yet; 500/503: OPA not yet listening on its socket.
      if (status != -1 && status != 404 && status != 500 && status != 503) {
        return status;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    return status;
  }

  private static GenericContainer<?> opa(ObjectNode spec) {
    List<String> args = new ArrayList<>();
    spec.path("args").forEach(a -> args.add(a.asText()));
    Map<String, String> env = new java.util.TreeMap<>();
    spec.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    return new GenericContainer<>(spec.path("image").asText()).withNetwork(network)
        .withCopyToContainer(org.testcontainers.images.builder.Transferable.of(policy.getBytes(StandardCharsets.UTF_8)), "/policy/policy.rego")
        .withCommand(args.toArray(String[]::new)).withEnv(env).withExposedPorts(8181)
        .withCreateContainerCmdModifier(c -> c.withUser("65532")
            .getHostConfig().withBinds(new Bind(socketVolume, new Volume("/shared/opa"))))
        .waitingFor(Wait.forHttp("/health").forPort(8181));
  }

  /** The {@code opa} container the walkthrough's EnvoyProxy patch adds to the Envoy pod. */
  private static ObjectNode opaSidecar(List<ObjectNode> documents) {
    JsonNode containers = object(documents, "EnvoyProxy", "eg").at(
        "/spec/provider/kubernetes/envoyDeployment/patch/value/spec/template/spec/containers");
    for (JsonNode c : containers) {
      if ("opa".equals(c.path("name").asText())) {
        return (ObjectNode) c.deepCopy();
      }
    }
    throw new AssertionError("the walkthrough's EnvoyProxy patch adds no opa container");
  }

  private static ObjectNode object(List<ObjectNode> documents, String kind, String name) {
    return documents.stream()
        .filter(d -> kind.equals(d.path("kind").asText()) && name.equals(d.at("/metadata/name").asText()))
        .findFirst().orElseThrow(() -> new AssertionError("the walkthrough has no " + kind + " " + name));
  }

  /** The two changes running without a cluster needs (see the class comment). */
  private static void localize(ObjectNode document, String echoAddress) throws Exception {
    switch (document.path("kind").asText()) {
      case "EndpointSlice" -> ((ArrayNode) document.path("endpoints")).forEach(e ->
          ((ObjectNode) e).set("addresses", YAML.createArrayNode().add(echoAddress)));
      case "SecurityPolicy" -> {
        String keys = new String(OpaSidecarContainersTest.class.getResourceAsStream("walkthrough-jwks.json").readAllBytes(),
            StandardCharsets.UTF_8).strip();
        for (JsonNode provider : document.at("/spec/jwt/providers")) {
          ((ObjectNode) provider).remove("remoteJWKS");
          ((ObjectNode) provider).putObject("localJWKS").put("type", "Inline").put("inline", keys);
        }
      }
      default -> { }
    }
  }

  private static String yamlStream(List<ObjectNode> documents) throws Exception {
    StringBuilder out = new StringBuilder();
    for (ObjectNode d : documents) {
      out.append(YAML.writeValueAsString(d));
    }
    return out.toString();
  }

  private static String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as("tollgate %s: %s", String.join(" ", args), err).isZero();
    return out.toString();
  }
}

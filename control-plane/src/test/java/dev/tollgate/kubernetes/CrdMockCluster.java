package dev.tollgate.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The mock API server in CRUD mode with the Gateway API and Envoy Gateway CRDs installed (their
 * status subresources enabled), and a tally of the status writes it received. Its dispatcher is
 * {@link VersioningCrudDispatcher}, so that PUTs work on this classpath.
 */
public final class CrdMockCluster implements AutoCloseable {

  public static final List<String> CRDS = List.of(
      "gateway.networking.k8s.io_gatewayclasses.yaml",
      "gateway.networking.k8s.io_gateways.yaml",
      "gateway.networking.k8s.io_httproutes.yaml",
      "gateway.networking.k8s.io_grpcroutes.yaml",
      "gateway.networking.k8s.io_referencegrants.yaml",
      "gateway.envoyproxy.io_backends.yaml",
      "gateway.envoyproxy.io_envoyproxies.yaml",
      "gateway.envoyproxy.io_securitypolicies.yaml",
      "gateway.envoyproxy.io_envoypatchpolicies.yaml",
      "gateway.envoyproxy.io_envoyextensionpolicies.yaml");

  /** The mock logs every request at INFO; thousands of lines would bury the test output. Held so it stays set. */
  private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger(MockWebServer.class.getName());

  static {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final VersioningCrudDispatcher dispatcher;
  private final KubernetesMockServer api;
  private final NamespacedKubernetesClient client;

  public CrdMockCluster() {
    this(new VersioningCrudDispatcher());
  }

  /** With a dispatcher of more abilities (server-side apply, say). */
  public CrdMockCluster(VersioningCrudDispatcher dispatcher) {
    this.dispatcher = dispatcher;
    api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    api.init(InetAddress.getLoopbackAddress(), 0);
    client = api.createClient();
    for (String crd : CRDS) {
      try (InputStream in = getClass().getResourceAsStream("/dev/tollgate/translator/admission/schemas/" + crd)) {
        CustomResourceDefinition d = client.apiextensions().v1().customResourceDefinitions().load(in).item();
        client.apiextensions().v1().customResourceDefinitions().resource(d).create();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    statusWrites();
  }

  public NamespacedKubernetesClient client() {
    return client;
  }

  /** The API server's URL, as a kubeconfig's {@code server} would name it. */
  public String url() {
    return api.url("/");
  }

  /** A new client of the same server, as another replica would have. */
  public NamespacedKubernetesClient newClient() {
    return api.createClient();
  }

  /** GETs whose decoded path and query contain {@code part} are refused with 403 Forbidden. */
  public void forbidReads(String part) {
    dispatcher.forbidReads(part);
  }

  /** The next PUT to the path is refused with 409 Conflict. */
  public void conflictOnce(String path) {
    dispatcher.conflictOnce(path);
  }

  /** Creates every object of a YAML stream, returning them as stored. */
  public List<HasMetadata> create(String yaml) {
    List<HasMetadata> out = new ArrayList<>();
    for (HasMetadata item : client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()) {
      out.add(client.resource(item).create());
    }
    return out;
  }

  public GenericKubernetesResource get(String apiVersion, String kind, String namespace, String name) {
    var op = client.genericKubernetesResources(apiVersion, kind);
    return namespace == null ? op.withName(name).get() : op.inNamespace(namespace).withName(name).get();
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> status(String apiVersion, String kind, String namespace, String name) {
    return (Map<String, Object>) get(apiVersion, kind, namespace, name).getAdditionalProperties().get("status");
  }

  /** The paths of the PUT and PATCH requests received since the last call (of this or {@link #requests()}). */
  public List<String> statusWrites() {
    return requests().stream().filter(r -> (r.startsWith("PUT ") || r.startsWith("PATCH ")) && !r.contains("/leases/")).toList();
  }

  /** Every request received since the last call (of this or {@link #statusWrites()}), as {@code METHOD path?query}. */
  public List<String> requests() {
    return takeRequests().stream().map(r -> r.getMethod() + " " + r.getPath()).toList();
  }

  /** The requests received since the last call that presented the bearer token, as {@code METHOD path?query}. */
  public List<String> requestsWithToken(String token) {
    return takeRequests().stream().filter(r -> ("Bearer " + token).equals(r.getHeader("Authorization")))
        .map(r -> r.getMethod() + " " + r.getPath()).toList();
  }

  private List<RecordedRequest> takeRequests() {
    List<RecordedRequest> out = new ArrayList<>();
    try {
      RecordedRequest r;
      while ((r = api.takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
        out.add(r);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  @Override
  public void close() {
    client.close();
    api.destroy();
  }
}

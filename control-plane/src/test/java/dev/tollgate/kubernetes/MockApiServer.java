package dev.tollgate.kubernetes;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;

/**
 * fabric8's mock Kubernetes API in CRUD mode (objects are stored, listed and watched as by a real
 * API server), over plain HTTP on loopback, for tests.
 */
public final class MockApiServer implements AutoCloseable {

  private final KubernetesMockServer server;

  private MockApiServer(KubernetesMockServer server) {
    this.server = server;
  }

  public static MockApiServer crud() {
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    return new MockApiServer(server);
  }

  /** A client of this server; close it when done. */
  public NamespacedKubernetesClient client() {
    return server.createClient();
  }

  /** The underlying mock, for request counts and expectations. */
  public KubernetesMockServer server() {
    return server;
  }

  /** The API server's URL, as a kubeconfig's {@code server} would name it. */
  public String url() {
    return server.url("/");
  }

  @Override
  public void close() {
    try {
      server.destroy();
    } catch (IllegalStateException e) {
      // The mock waits for open connections to end; a closed client's pooled keep-alive connection
      // can outlast that wait. Every assertion has run by now, and the port is the test JVM's.
      System.err.println("mock API server: " + e.getMessage());
    }
  }
}

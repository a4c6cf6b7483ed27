package dev.tollgate.kubernetes;

import dev.tollgate.serve.TranslationLoop;
import dev.tollgate.serve.xds.XdsServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code tollgate serve --provider kubernetes} in the test JVM, connected to a mock API server through a kubeconfig. */
final class KubernetesServe implements AutoCloseable {

  private final ApplicationContext context;
  private final EmbeddedServer admin;
  private final Path kubeconfig;
  private final HttpClient http = HttpClient.newHttpClient();

  private KubernetesServe(ApplicationContext context, EmbeddedServer admin, Path kubeconfig) {
    this.context = context;
    this.admin = admin;
    this.kubeconfig = kubeconfig;
  }

  static KubernetesServe against(MockApiServer api, Map<String, Object> extra) throws IOException {
    return against(api.url(), extra);
  }

  static KubernetesServe against(String apiUrl, Map<String, Object> extra) throws IOException {
    Path kubeconfig = Files.createTempFile("tollgate-kubeconfig", ".yaml");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters: [{name: mock, cluster: {server: "%s"}}]
        users: [{name: tollgate, user: {token: test}}]
        contexts: [{name: mock, context: {cluster: mock, user: tollgate}}]
        current-context: mock
        """.formatted(apiUrl));
    Map<String, Object> p = new HashMap<>();
    p.put("micronaut.server.port", -1);
    p.put("tollgate.provider", "kubernetes");
    p.put("tollgate.kubeconfig", kubeconfig.toString());
    p.put("tollgate.xds-address", "127.0.0.1:0");
    p.put("tollgate.debounce", "50ms");
    p.put("tollgate.removal-delay", "200ms");
    p.put("tollgate.enable-backend", true);
    // Proxy infrastructure is left out unless a test is about it (it asks with reconcile=true): the
    // provider and status tests count API writes, and the reconciler would add its own.
    p.put("tollgate.infrastructure.reconcile", false);
    // These tests are about what is read and served; proxy authentication has tests of its own.
    p.put("tollgate.proxy-auth", "none");
    p.putAll(extra);
    ApplicationContext context = ApplicationContext.run(p);
    return new KubernetesServe(context, context.getBean(EmbeddedServer.class).start(), kubeconfig);
  }

  String xdsAddress() {
    return context.getBean(XdsServer.class).boundAddress();
  }

  TranslationLoop loop() {
    return context.getBean(TranslationLoop.class);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.getPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Waits for a condition, at most {@code wait}; true when it held. */
  static boolean eventually(Duration wait, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }

  @Override
  public void close() throws IOException {
    context.close();
    Files.deleteIfExists(kubeconfig);
  }
}

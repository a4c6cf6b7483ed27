package dev.tollgate.translator.gateway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.model.ObjectKey;
import org.junit.jupiter.api.Test;

/**
 * The reasons of a Service reference that cannot be used. A missing port never gets past the
 * schema in a manifest (the HTTPRoute CRD's rule), so it is checked here, on the resolver itself:
 * objects written by older CRDs, or by clients that skip validation, can still lack it.
 */
class ServiceBackendsReasonsTest {

  private static final ObjectKey ROUTE = new ObjectKey("HTTPRoute", "default", "r");

  private static BackendResolution resolve(Integer port) throws Exception {
    ManifestReader reader = new ManifestReader().readString("services.yaml", """
        apiVersion: v1
        kind: Service
        metadata: {name: app, namespace: default}
        spec:
          ports: [{name: http, port: 80}, {name: dns, port: 53, protocol: UDP}]
        """);
    assertThat(reader.problems()).as("the Service itself is valid").isEmpty();
    return new ServiceBackends(reader.resources()).resolve(
        new BackendRequest(ROUTE, "gateway.networking.k8s.io", "app", "default", port, BackendRequest.Purpose.ROUTE));
  }

  @Test
  void noPort_isPortNotSpecified() throws Exception {
    assertThat(resolve(null)).isInstanceOfSatisfying(BackendResolution.Unresolved.class,
        u -> assertThat(u.reason()).isEqualTo("PortNotSpecified"));
  }

  @Test
  void aPortTheServiceLacks_orOnlyHasForUdp_isPortNotFound() throws Exception {
    for (int port : new int[] {9999, 53}) {
      assertThat(resolve(port)).as("port " + port).isInstanceOfSatisfying(BackendResolution.Unresolved.class,
          u -> assertThat(u.reason()).isEqualTo("PortNotFound"));
    }
  }

  @Test
  void theServicesTcpPort_resolves() throws Exception {
    assertThat(resolve(80)).isInstanceOf(BackendResolution.Resolved.class);
  }
}

package dev.tollgate.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

/** The mock API server the Kubernetes tests run against works here: CRUD on loopback. */
class MockApiServerTest {

  @Test
  void crudMode_storesWhatIsCreated() {
    try (MockApiServer api = MockApiServer.crud(); KubernetesClient client = api.client()) {
      client.configMaps().inNamespace("default")
          .resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().addToData("k", "v").build()).create();
      assertThat(client.configMaps().inNamespace("default").withName("c").get().getData()).containsEntry("k", "v");
      assertThat(api.url()).startsWith("http://");
    }
  }
}
